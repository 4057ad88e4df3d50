// Distinct colours for runs: evenly spaced hues in a fixed order, so a run keeps its colour.

export function colourOf(index) {
  const hue = (index * 137.508) % 360; // golden angle
  const lightness = index % 2 ? 38 : 48;
  return `hsl(${hue.toFixed(0)} 70% ${lightness}%)`;
}
