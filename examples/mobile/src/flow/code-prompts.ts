/** What the flow is asking the person to type: the code an SMS brought, or an authenticator's. */
export type CodeKind = 'sms' | 'factor';

export interface CodePrompt {
  kind: CodeKind;
  submit(code: string): void;
  cancel(): void;
}

/**
 * Turns the SDK's callbacks (onSmsCode, onFactorCode: functions that resolve to a code) into a
 * screen: `ask` shows the prompt and resolves when the person submits it.
 */
export class CodePrompts {
  private current: CodePrompt | null = null;
  private readonly listeners = new Set<(prompt: CodePrompt | null) => void>();

  ask(kind: CodeKind): Promise<string> {
    this.current?.cancel();
    return new Promise<string>((resolve, reject) => {
      const prompt: CodePrompt = {
        kind,
        submit: (code) => this.settle(prompt, () => resolve(code.trim())),
        cancel: () => this.settle(prompt, () => reject(new Error('Cancelled'))),
      };
      this.current = prompt;
      this.emit();
    });
  }

  subscribe(listener: (prompt: CodePrompt | null) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  private settle(prompt: CodePrompt, done: () => void): void {
    if (this.current !== prompt) return;
    this.current = null;
    this.emit();
    done();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
