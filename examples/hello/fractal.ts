/**
 * The Animation demo's picture: the filled Julia set of z ↦ z² + c, with c going round a circle
 * as the frame advances (c = separation · e^(iθ), θ = 2π · frame / FRAMES). Each pixel is coloured
 * by how many iterations its point takes to escape |z| > 2; points that never escape are the set.
 * Drawn on the server as a small indexed PNG.
 */
import { encodeIndexedPng } from "./png.ts";

export const FRAMES = 72;
export const WIDTH = 480;
export const HEIGHT = 320;

export interface JuliaParams {
  iterations: number;
  separation: number;
  frame: number;
  zoom: number;
}

/** The constant c of a frame. */
export function juliaConstant(separation: number, frame: number): { re: number; im: number } {
  const theta = (2 * Math.PI * frame) / FRAMES;
  return { re: separation * Math.cos(theta), im: separation * Math.sin(theta) };
}

/** Escape counts, 0..iterations (iterations: never escaped), one byte per pixel, row by row. */
export function juliaCounts({ iterations, separation, frame, zoom }: JuliaParams): Uint8Array {
  const { re: cr, im: ci } = juliaConstant(separation, frame);
  const counts = new Uint8Array(WIDTH * HEIGHT);
  const scale = 3.6 / zoom / WIDTH; // the full width spans 3.6 / zoom on the real axis
  // The set is symmetric under z ↦ -z and pixel centres are symmetric about the middle:
  // work out the top half and mirror it onto the bottom half, rotated.
  const half = Math.ceil(HEIGHT / 2);
  for (let py = 0; py < half; py++) {
    const y0 = (HEIGHT / 2 - py - 0.5) * scale;
    for (let px = 0; px < WIDTH; px++) {
      let x = (px + 0.5 - WIDTH / 2) * scale;
      let y = y0;
      let n = 0;
      while (n < iterations) {
        const xx = x * x;
        const yy = y * y;
        if (xx + yy > 4) break;
        y = 2 * x * y + ci;
        x = xx - yy + cr;
        n++;
      }
      counts[py * WIDTH + px] = n;
      counts[(HEIGHT - 1 - py) * WIDTH + (WIDTH - 1 - px)] = n;
    }
  }
  return counts;
}

/** Colour stops from a quick escape (deep blue) to a slow one (pale gold); the set itself is near black. */
const STOPS: [number, number, number][] = [
  [13, 27, 62],
  [22, 84, 140],
  [32, 160, 170],
  [150, 210, 120],
  [250, 230, 160],
];
const INSIDE: [number, number, number] = [10, 8, 20];

/**
 * One palette entry per escape count (0..iterations), the last one for points in the set. The
 * colour stops are spread half by how many pixels share each count (histogram equalisation) and
 * half by the count itself, so every frame uses the whole range, however fast its points escape,
 * and the fine detail near the set stays visible.
 */
export function palette(iterations: number, counts: Uint8Array): Uint8Array {
  const histogram = new Float64Array(iterations + 1);
  for (const n of counts) histogram[n]!++;
  const outside = counts.length - histogram[iterations]!;
  const out = new Uint8Array((iterations + 1) * 3);
  let highest = 0;
  for (let n = 0; n < iterations; n++) if (histogram[n]) highest = n;
  let below = 0;
  for (let n = 0; n <= iterations; n++) {
    let rgb: [number, number, number];
    if (n === iterations) rgb = INSIDE;
    else {
      // half the middle of this count's share of the outside pixels, half the count itself (0 to 1)
      const share = outside ? (below + histogram[n]! / 2) / outside : 0;
      const t = Math.min(1, (share + Math.sqrt(n / Math.max(1, highest))) / 2) * (STOPS.length - 1);
      below += histogram[n]!;
      const i = Math.min(STOPS.length - 2, Math.floor(t));
      const f = t - i;
      const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
      rgb = [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
    }
    out.set(rgb, n * 3);
  }
  return out;
}

/** The frame as a PNG file. */
export function juliaPng(params: JuliaParams): Promise<Uint8Array> {
  const counts = juliaCounts(params);
  return encodeIndexedPng(WIDTH, HEIGHT, counts, palette(params.iterations, counts));
}
