// A tiny generator that shows the shape (and checks the runner): integer arithmetic and printing.
export function generate(rng, n) {
  const ops = ['add', 'sub', 'mul', 'div', 'mod', 'max', 'min'];
  return Array.from({ length: n }, () => {
    const op = rng.pick(ops);
    return { tpl: `{{ ${op} ${rng.int(200) - 100} ${rng.int(20) - 10} }}\n` };
  });
}
