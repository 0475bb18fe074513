import { createProgram } from './program';

describe('prodready program', () => {
  it('describes itself and the exit codes in its help', () => {
    const help = createProgram().helpInformation();
    expect(help).toContain('Usage: prodready');
    expect(help).toContain('Production readiness of Kubernetes workloads');
  });
});
