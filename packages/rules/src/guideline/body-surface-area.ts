/** Mosteller body surface area, m² = √(height cm × weight kg / 3600) (mosteller-1987). */
export function bodySurfaceAreaM2(heightCm: number, weightKg: number): number {
  return Math.sqrt((heightCm * weightKg) / 3600);
}
