// Clock times as the API writes them (`HH:MM:SS`, hours past 24 for the next day) and seconds after midnight.

export function seconds(clock) {
  const [h, m, s] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + (s || 0);
}

export function clock(totalSeconds, withSeconds = false) {
  const t = Math.max(0, Math.round(totalSeconds));
  const two = (n) => String(n).padStart(2, '0');
  const text = `${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}`;
  return withSeconds ? `${text}:${two(t % 60)}` : text;
}
