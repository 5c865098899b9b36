// Runs inside the case-review webview. Draws what the extension computed; every case text goes
// through textContent, and the bar charts are SVG built with DOM calls, never from markup.
import type { CaseEvent, PersonProgress, Rate } from '@closer/shared';
import type { FollowupsModel } from '../followups-model.ts';
import type { CaseRow, DashboardModel, ToDashboard } from '../dashboard-model.ts';
import { el, format } from '../../webview/dom.ts';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
let labels: Record<string, string> = {};
const promotedNotes = new Map<string, string>();
/** Cases the lead opened stay open when the figures are redrawn (after a filter or a promotion). */
const openCases = new Set<string>();


const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A horizontal bar of `value` (0..1) with the 95% interval drawn as a thin line across it. */
function bar(value: number, low?: number, high?: number): SVGSVGElement {
  const width = 160;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '14');
  svg.setAttribute('class', 'bar');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', percent(value));
  const track = document.createElementNS(SVG, 'rect');
  track.setAttribute('class', 'track');
  track.setAttribute('width', String(width));
  track.setAttribute('height', '14');
  const fill = document.createElementNS(SVG, 'rect');
  fill.setAttribute('class', 'fill');
  fill.setAttribute('width', (value * width).toFixed(1));
  fill.setAttribute('height', '14');
  svg.append(track, fill);
  if (low !== undefined && high !== undefined) {
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'interval');
    line.setAttribute('x1', (low * width).toFixed(1));
    line.setAttribute('x2', (high * width).toFixed(1));
    line.setAttribute('y1', '7');
    line.setAttribute('y2', '7');
    svg.append(line);
  }
  return svg;
}

function table(header: string[], rows: (string | Node)[][], className = 'figures'): HTMLElement {
  const head = el('tr', undefined, undefined, ...header.map((title) => el('th', undefined, title)));
  const body = rows.map((cells) => el('tr', undefined, undefined, ...cells.map((cell) => (typeof cell === 'string' ? el('td', undefined, cell) : el('td', undefined, undefined, cell)))));
  return el('table', className, undefined, el('thead', undefined, undefined, head), el('tbody', undefined, undefined, ...body));
}

function rateSection(title: string, column: string, rows: (Rate & { name: string })[]): HTMLElement {
  const section = el('section', 'chart', undefined, el('h2', undefined, title));
  if (rows.length === 0) {
    section.append(el('p', 'empty', labels.noCases));
    return section;
  }
  section.append(table(
    [column, labels.cases!, labels.won!, labels.rate!, labels.interval!, ''],
    rows.map((row) => [row.name, String(row.cases), String(row.wins), percent(row.rate), `${percent(row.low)}–${percent(row.high)}`, bar(row.rate, row.low, row.high)]),
  ));
  return section;
}

function select(name: string, label: string, values: string[], current: string | undefined): HTMLElement {
  const control = el('select') as HTMLSelectElement;
  control.name = name;
  control.append(new Option(labels.all!, ''), ...values.map((value) => new Option(value, value)));
  control.value = current ?? '';
  return el('label', undefined, label + ' ', control);
}

function dateInput(name: string, label: string, current: string | undefined): HTMLElement {
  const control = el('input') as HTMLInputElement;
  control.type = 'date';
  control.name = name;
  control.value = current ?? '';
  return el('label', undefined, label + ' ', control);
}

function filters(model: DashboardModel): HTMLElement {
  const form = el('form', 'filters', undefined,
    select('salesperson', labels.salesperson!, model.facets.salespeople, model.filter.salesperson),
    select('product', labels.product!, model.facets.products, model.filter.product),
    select('intent', labels.intent!, model.facets.intents, model.filter.intent),
    dateInput('from', labels.from!, model.filter.from),
    dateInput('to', labels.to!, model.filter.to),
  );
  const clear = el('button', 'secondary', labels.clear) as HTMLButtonElement;
  clear.type = 'button';
  clear.addEventListener('click', () => vscode.postMessage({ type: 'filter', filter: {} }));
  form.append(clear);
  form.addEventListener('change', () => {
    const filter: Record<string, string> = {};
    for (const control of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input'))) if (control.value !== '') filter[control.name] = control.value;
    vscode.postMessage({ type: 'filter', filter });
  });
  return form;
}

function eventText(event: CaseEvent): string {
  switch (event.type) {
    case 'message': return format(labels['event.message'], event.intent);
    case 'step': return format(labels['event.step'], event.step);
    case 'suggested': return format(labels['event.suggested'], event.replies.join(', '));
    case 'inserted': return format(labels['event.inserted'], event.reply);
    case 'sent': return format(labels['event.sent'], event.reply, event.message);
    case 'meeting': return labels['event.meeting'] ?? 'meeting';
    case 'signal': return labels['event.signal'] ?? event.signal;
    case 'tag': return format(labels[event.added ? 'event.tagOn' : 'event.tagOff'], event.tag);
  }
}

/** Win rate over the closed cases with each tag (or source), and repurchase over its customers who bought. */
function tagSection(title: string, column: string, rows: (Rate & { name: string; repurchase: Rate })[]): HTMLElement {
  const section = el('section', 'chart', undefined, el('h2', undefined, title));
  if (rows.length === 0) {
    section.append(el('p', 'empty', labels.noTags));
    return section;
  }
  section.append(table(
    [column, labels.cases!, labels.won!, labels.rate!, '', labels.buyers!, labels.again!, labels.repurchase!, ''],
    rows.map((row) => [
      row.name, String(row.cases), String(row.wins), row.cases > 0 ? percent(row.rate) : '–', bar(row.rate, row.low, row.high),
      String(row.repurchase.cases), String(row.repurchase.wins), row.repurchase.cases > 0 ? percent(row.repurchase.rate) : '–', bar(row.repurchase.rate, row.repurchase.low, row.repurchase.high),
    ]),
    'figures tags',
  ));
  return section;
}

/** Done, overdue, skipped and declined per salesperson under the playbooks' revisit plan. */
function followupSection(followups: FollowupsModel): HTMLElement {
  const section = el('section', 'chart followups', undefined, el('h2', undefined, format(labels.followups, followups.on, followups.timeZone)));
  section.append(followups.rows.length === 0
    ? el('p', 'empty', labels.noFollowups)
    : table([labels.salesperson!, labels.done!, labels.overdue!, labels.skipped!, labels.declined!], followups.rows.map((row) => [row.salesperson || labels.none!, String(row.done), String(row.overdue), String(row.skipped), String(row.declined)]), 'figures followups'));
  return section;
}

function caseItem(row: CaseRow): HTMLElement {
  const outcome = row.outcome === 'lost' && row.lossReason ? `${labels.lost} (${row.lossReason})` : labels[row.outcome] ?? row.outcome;
  const summary = el('summary', undefined, undefined,
    el('span', 'date', row.created.slice(0, 10)),
    el('span', 'who', row.salesperson),
    el('span', 'customer', row.customer || labels.none),
    el('span', 'product', row.product),
    el('span', `outcome ${row.outcome}`, outcome),
    el('span', 'amount', row.amount === null ? '' : row.amount.toLocaleString()),
    el('span', 'lifecycle', row.lifecycle ? labels[`lifecycle.${row.lifecycle}`] ?? row.lifecycle : ''),
  );
  const details = el('details', 'case', undefined, summary) as HTMLDetailsElement;
  details.dataset.id = row.id;
  details.open = openCases.has(row.id);
  details.addEventListener('toggle', () => (details.open ? openCases.add(row.id) : openCases.delete(row.id)));
  if (row.notes) details.append(el('p', 'notes', undefined, el('strong', undefined, labels.notes + ': '), document.createTextNode(row.notes)));
  if (row.tags.length > 0) details.append(el('p', 'tags', undefined, el('strong', undefined, labels.tags + ': '), document.createTextNode(row.tags.join(', '))));
  details.append(el('ol', 'timeline', undefined, ...row.timeline.map((event) => el('li', event.type, undefined, el('time', undefined, event.at.replace('T', ' ').slice(0, 16)), document.createTextNode(' ' + eventText(event))))));
  if (row.outcome === 'won') {
    const button = el('button', 'promote', labels.promote) as HTMLButtonElement;
    button.type = 'button';
    button.addEventListener('click', () => vscode.postMessage({ type: 'promote', id: row.id }));
    details.append(button);
    const note = promotedNotes.get(row.id);
    if (note) details.append(el('p', 'promoted', note));
  }
  return details;
}

/** One person's practice: each drill's total oldest first, then the intents they answer worst. */
function practiceItem(person: PersonProgress): HTMLElement {
  const latest = person.runs[person.runs.length - 1];
  const item = el('section', 'drill-person', undefined,
    el('h3', undefined, person.salesperson || labels.none),
    el('p', 'summary', format(labels.drillSummary, person.runs.length, latest?.total ?? 0)),
    el('h4', undefined, labels.drillRuns),
    table([labels.date!, labels.drill!, labels.total!, ''], person.runs.map((run) => [run.finished.replace('T', ' ').slice(0, 16), run.drill, String(run.total), bar(run.total / 100)]), 'figures drill-runs'),
    el('h4', undefined, labels.drillIntents),
    table([labels.intent!, labels.meanScore!, labels.turns!, ''], person.intents.map((row) => [row.intent, String(row.mean), String(row.turns), bar(row.mean / 100)]), 'figures drill-intents'),
  );
  item.dataset.salesperson = person.salesperson;
  return item;
}

function draw(model: DashboardModel): void {
  const root = document.getElementById('review')!;
  const { totals } = model.report;
  root.replaceChildren(
    el('h1', undefined, labels.title),
    el('p', 'summary', format(labels.summary, model.total, model.shown, totals.won, totals.lost, totals.open, percent(totals.winRate.rate), percent(totals.winRate.low), percent(totals.winRate.high), totals.amountWon.toLocaleString()) + ' ' + (model.source ? format(labels.database ?? '', model.source) : format(labels.files, model.files))),
  );
  if (model.problems.length > 0) {
    root.append(el('section', 'problems', undefined, el('h2', undefined, labels.problems), el('ul', undefined, undefined, ...model.problems.slice(0, 50).map((problem) => el('li', undefined, problem)))));
  }
  root.append(filters(model));
  const { report } = model;
  root.append(
    el('div', 'charts', undefined,
      rateSection(labels.byIntent!, labels.intent!, report.byIntent.map((row) => ({ ...row, name: row.intent }))),
      rateSection(labels.byStep!, 'step', report.byStep.map((row) => ({ ...row, name: row.step }))),
      rateSection(labels.byReply!, 'reply', report.byReply.slice(0, 25).map((row) => ({ ...row, name: row.reply }))),
      // Only replies someone inserted as a model's adaptation: beside each, the same reply word for word.
      rateSection(labels.byAdaptation!, 'reply', report.byReply.filter((row) => row.adapted.cases > 0).slice(0, 25).flatMap((row) => [
        { ...row.adapted, name: format(labels.adaptedUse, row.reply) },
        { ...row.verbatim, name: format(labels.verbatimUse, row.reply) },
      ])),
      (() => {
        const section = el('section', 'chart', undefined, el('h2', undefined, labels.lossReasons));
        section.append(report.lossReasons.length === 0
          ? el('p', 'empty', labels.noCases)
          : table([labels.reason!, labels.cases!, labels.share!, ''], report.lossReasons.map((row) => [row.reason, String(row.cases), percent(row.share), bar(row.share)])));
        return section;
      })(),
      tagSection(labels.byTag!, labels.tag!, report.byTag.map((row) => ({ ...row, name: row.tag }))),
      tagSection(labels.bySource!, labels.source!, report.bySource.map((row) => ({ ...row, name: row.source }))),
      ...(model.followups ? [followupSection(model.followups)] : []),
      el('section', 'chart', undefined, el('h2', undefined, labels.timeToClose), table(['', labels.cases!, labels.median!, labels.mean!, labels.p90!], (['won', 'lost'] as const).map((outcome) => {
        const duration = report.timeToClose[outcome];
        return duration ? [labels[outcome]!, String(duration.cases), hours(duration.median), hours(duration.mean), hours(duration.p90)] : [labels[outcome]!, '0', '–', '–', '–'];
      }))),
    ),
  );
  if (model.drills.length > 0) root.append(el('section', 'drills', undefined, el('h2', undefined, labels.drills), ...model.drills.map(practiceItem)));
  const list = el('section', 'list', undefined, el('h2', undefined, labels.list));
  if (model.cases.length < model.shown) list.append(el('p', 'empty', format(labels.listLimit, model.cases.length, model.shown)));
  list.append(...model.cases.map(caseItem));
  root.append(list);
}

function hours(ms: number): string {
  const value = ms / 3_600_000;
  return value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} d`;
}

let lastModel: DashboardModel | undefined;
window.addEventListener('message', (event: MessageEvent<ToDashboard>) => {
  const message = event.data;
  if (message.type === 'model') {
    labels = message.labels;
    lastModel = message.model;
    draw(message.model);
  } else if (message.type === 'promoted') {
    promotedNotes.set(message.id, format(labels.promoted, message.story, message.file, message.line));
    if (lastModel) draw(lastModel);
  }
});
vscode.postMessage({ type: 'ready' });
