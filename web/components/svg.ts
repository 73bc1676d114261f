/**
 * An SVG coordinate to a tenth of a unit: charts here are at most a few hundred units wide, so a tenth is
 * below a pixel on any screen, and `128.94117647058823` written out in full only costs bytes and CPU.
 */
export const px = (n: number) => Math.round(n * 10) / 10;
