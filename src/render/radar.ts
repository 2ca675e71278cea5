import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
// Slim containers have no system fonts and resvg would silently drop every label: ship our own.
const FONT_FILES = [require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")];

export interface RadarInput {
  title: string;
  /** Axis labels and values 0–10 (null: not assessed, drawn at 0 and greyed). */
  axes: ReadonlyArray<{ label: string; value: number | null }>;
  overall: string;
}

const WIDTH = 1100;
const HEIGHT = 860;
const CENTER = WIDTH / 2;
const MIDDLE = HEIGHT / 2 + 50;
const RADIUS = 250;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function point(index: number, count: number, fraction: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [CENTER + Math.cos(angle) * RADIUS * fraction, MIDDLE + Math.sin(angle) * RADIUS * fraction];
}

/** Long labels ("Jamoaga mos kelish", "Техническая глубина") wrap onto two lines. */
function wrap(label: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function radarSvg(input: RadarInput): string {
  const count = input.axes.length;
  const rings = [0.25, 0.5, 0.75, 1]
    .map((fraction) => {
      const corners = input.axes.map((_, i) => point(i, count, fraction).join(",")).join(" ");
      return `<polygon points="${corners}" fill="none" stroke="#d0d7de" stroke-width="2"/>`;
    })
    .join("");
  const spokes = input.axes
    .map((_, i) => {
      const [x, y] = point(i, count, 1);
      return `<line x1="${CENTER}" y1="${MIDDLE}" x2="${x}" y2="${y}" stroke="#d0d7de" stroke-width="2"/>`;
    })
    .join("");
  const shape = input.axes.map((axis, i) => point(i, count, Math.max(0, Math.min(10, axis.value ?? 0)) / 10).join(",")).join(" ");
  const labels = input.axes
    .map((axis, i) => {
      const [x, baseY] = point(i, count, 1.12);
      const anchor = Math.abs(x - CENTER) < 5 ? "middle" : x > CENTER ? "start" : "end";
      const value = axis.value === null ? "—" : axis.value.toFixed(1);
      const colour = axis.value === null ? "#8c959f" : "#1f2328";
      const lines = [...wrap(axis.label), value];
      // Labels above the chart grow upwards, the others downwards, so none overlaps the shape.
      const y = baseY < MIDDLE - 5 ? baseY - (lines.length - 1) * 32 : baseY + (Math.abs(x - CENTER) < 5 ? 26 : 0);
      return lines
        .map((line, n) => {
          const weight = n === lines.length - 1 ? ' font-weight="bold"' : "";
          return `<text x="${x}" y="${y + n * 32}" text-anchor="${anchor}" font-size="26"${weight} fill="${colour}">${escapeXml(line)}</text>`;
        })
        .join("");
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${CENTER}" y="56" text-anchor="middle" font-size="32" font-weight="bold" fill="#1f2328">${escapeXml(input.title)}</text>
<text x="${CENTER}" y="96" text-anchor="middle" font-size="26" fill="#57606a">${escapeXml(input.overall)}</text>
${rings}${spokes}
<polygon points="${shape}" fill="#2f81f7" fill-opacity="0.35" stroke="#2f81f7" stroke-width="4"/>
${labels}
</svg>`;
}

export function renderRadarPng(input: RadarInput): Buffer {
  const resvg = new Resvg(radarSvg(input), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    fitTo: { mode: "width", value: WIDTH },
  });
  return Buffer.from(resvg.render().asPng());
}
