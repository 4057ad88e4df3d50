// What a dispatcher does from the console: plan (or re-plan) the date with the planning job's progress, move a
// stop (the server's independent checker decides), and mark a stop done or failed as a live event.

export function wirePlanning(form, { api, date, status, onPlanned }) {
  const progress = form.querySelector('progress');
  const text = form.querySelector('#plan-text');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute('value');
    const limit = Number(form.querySelector('#plan-seconds').value);
    try {
      const job = await api.post(`/v1/plans/${date()}`, { time_limit: limit });
      let ended = null;
      await api.stream(job.events, (name, data) => {
        if (name === 'solving') {
          progress.max = limit;
          progress.value = data.seconds;
          text.textContent = `solving: cost ${data.cost.toFixed(2)}, ${data.unassigned} unassigned`;
        } else if (name === 'end') {
          ended = data;
        } else {
          text.textContent = name;
        }
      });
      if (ended && ended.status === 'done') {
        text.textContent = `stored as version ${ended.version}`;
        onPlanned();
      } else {
        status(`planning failed: ${ended ? ended.error : 'the stream ended early'}`, true);
      }
    } catch (error) {
      status(error.message, true);
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
}

export function wireMoves(form, { api, date, status, onMoved }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      order: form.querySelector('#move-order').value.trim(),
      vehicle: form.querySelector('#move-vehicle').value,
      position: Number(form.querySelector('#move-position').value),
    };
    try {
      const answer = await api.post(`/v1/plans/${date()}/moves`, body);
      status(`moved ${answer.order} to ${answer.vehicle}: plan version ${answer.version}`);
      onMoved();
    } catch (error) {
      status(`move refused: ${error.message}${error.details.length ? ` (+${error.details.length} more)` : ''}`, true);
    }
  });
}

// Reports a stop's outcome through the live events endpoint, at the live clock (or the vehicle's, if later).
export async function reportStop({ api, date, clock, status }, run, stop, outcome) {
  const at = clock() > run.time ? clock() : run.time; // `HH:MM:SS` strings compare as times
  const event = { key: `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, at, type: outcome, vehicle: run.vehicle, order: stop.order };
  if (outcome === 'failed') Object.assign(event, { reason: 'reported from the console', then: 'reattempt' });
  try {
    const answer = await api.post(`/v1/live/${date()}/events`, event);
    status(`${stop.order} ${outcome}: revision ${answer.revision}`);
  } catch (error) {
    status(`${outcome} refused: ${error.message}`, true);
  }
}
