/**
 * Body surface area by Mosteller: √(height cm × weight kg / 3600), in m² (Mosteller RD, N Engl J Med
 * 1987;317:1098 — citation key mosteller-1987; formula standard, primary source not re-read).
 */
export function bodySurfaceArea(heightCm: number, weightKg: number): number {
  if (!(heightCm > 0) || !(weightKg > 0))
    throw new RangeError(`BSA needs a positive height and weight (got ${heightCm} cm, ${weightKg} kg)`);
  return Math.sqrt((heightCm * weightKg) / 3600);
}
