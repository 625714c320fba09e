/** Runs axe-core (the accessibility engine) in a page or the popup and returns its violations, briefly. */
import fs from 'node:fs';
import path from 'node:path';

const AXE_SOURCE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The expression that loads axe and runs it against the whole document. */
export const AXE_RUN = `(async () => {
  ${AXE_SOURCE}
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return {
    passed: result.passes.length,
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  };
})()`;

/** The violations axe finds; throws if axe checked nothing (so an empty list always means it looked). */
export async function axeViolations(evaluate: <T>(expression: string) => Promise<T>): Promise<AxeViolation[]> {
  const { passed, violations } = await evaluate<{ passed: number; violations: AxeViolation[] }>(AXE_RUN);
  if (passed === 0 && violations.length === 0) throw new Error('axe-core checked no rules: it did not run');
  return violations;
}
