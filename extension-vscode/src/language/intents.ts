import * as vscode from 'vscode';
import { INTENTS, type Intent } from '@closer/shared';

/** What each intent means, in the author's words (DOMAIN.md). */
export function intentDescription(intent: Intent): string {
  switch (intent) {
    case 'price':
      return vscode.l10n.t('The customer finds it too expensive or asks for a discount.');
    case 'comparison':
      return vscode.l10n.t('The customer compares with another shop or product.');
    case 'hesitation':
      return vscode.l10n.t('The customer wants to think it over or ask someone first.');
    case 'doubt':
      return vscode.l10n.t('The customer doubts that it works or that it is genuine.');
    case 'buy_signal':
      return vscode.l10n.t('The customer is ready: asks about delivery, payment or stock.');
    case 'other':
      return vscode.l10n.t('Anything else: greetings, small talk, questions.');
  }
}

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
