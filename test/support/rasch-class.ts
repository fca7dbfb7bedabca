import type { ExamItem, StudentResponses } from '@masdrill/export';

/** mulberry32: a small seeded PRNG for the simulated class (tests only). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * A class answering under the Rasch model: student ability θ ~ N(0, 1), item difficulty b given,
 * P(right) = 1 / (1 + e^−(θ − b)). A wrong answer picks a wrong option at random (a numeric item:
 * the key off by far more than the tolerance).
 */
export function raschClass(
  items: readonly ExamItem[],
  difficulties: readonly number[],
  students: number,
  seed: number,
): { responses: StudentResponses[]; abilities: number[] } {
  const rand = mulberry32(seed);
  const abilities: number[] = [];
  const responses: StudentResponses[] = [];
  for (let s = 0; s < students; s++) {
    const theta = normal(rand);
    abilities.push(theta);
    const answers: Record<string, string> = {};
    items.forEach((item, j) => {
      const right = rand() < 1 / (1 + Math.exp(-(theta - difficulties[j]!)));
      if (item.kind === 'numeric')
        answers[item.id] = String(right ? item.numericKey!.value : item.numericKey!.value * 3 + 10);
      else if (right) answers[item.id] = item.key.join(';');
      else {
        const wrong = item.options.filter((o) => !item.key.includes(o.id));
        answers[item.id] = wrong[Math.floor(rand() * wrong.length)]!.id;
      }
    });
    responses.push({ studentId: `student-${String(s + 1).padStart(3, '0')}`, answers });
  }
  return { responses, abilities };
}
