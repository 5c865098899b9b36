import type { Bundle } from '../../playbook/bundle.ts';
import { ADAPT_BACKENDS, type AdaptBackend } from '../../playbook/ids.ts';
import type { AdaptPolicy } from '../../playbook/schema.ts';

/** The team's policy as the bundle carries it, across its playbooks: any playbook that forbids it wins. */
export interface TeamAdaptPolicy {
  allowed: boolean;
  backends: AdaptBackend[];
  hosted: boolean;
}

/** Off unless a playbook allows it; allowed back-ends are those every playbook that names some allows; hosted only if every playbook with a policy allows it. */
export function adaptPolicyOf(bundle: Pick<Bundle, 'playbooks'> | undefined): TeamAdaptPolicy {
  const policies = (bundle?.playbooks ?? []).map((entry) => entry.playbook.adapt).filter((policy): policy is AdaptPolicy => policy !== undefined);
  const allowed = policies.length > 0 && policies.every((policy) => policy.allowed);
  const backends = ADAPT_BACKENDS.filter((backend) => policies.every((policy) => !policy.backends || policy.backends.includes(backend)));
  return { allowed, backends: allowed ? backends : [], hosted: allowed && policies.every((policy) => policy.hosted === true) };
}

/**
 * Whether an endpoint runs on this computer or the local network (Ollama, llama.cpp, LM Studio on
 * the salesperson's machine or the shop's server) rather than at a hosted service.
 */
export function isLocalEndpoint(url: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!host) return false;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '[::1]' || host === '0.0.0.0') return true;
  const ip = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)?.slice(1).map(Number);
  if (!ip || ip.some((part) => part > 255)) return false;
  const [a, b] = ip as [number, number];
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** Why the team's policy does not let this back-end be used, in plain words; undefined when it does. */
export function policyRefusal(policy: TeamAdaptPolicy, backend: AdaptBackend, endpoint?: string): string | undefined {
  if (!policy.allowed) return "the team's playbooks do not allow adapting replies with a model";
  if (!policy.backends.includes(backend)) return `the team's playbooks do not allow the ${backend === 'chrome-built-in' ? "browser's built-in model" : 'OpenAI-compatible endpoint'} back-end`;
  if (backend === 'openai-compatible' && endpoint !== undefined && !isLocalEndpoint(endpoint) && !policy.hosted) {
    return "the team's playbooks allow only a model on this computer or the local network, and this endpoint is hosted elsewhere";
  }
  return undefined;
}
