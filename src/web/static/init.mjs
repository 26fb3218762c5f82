import { initAll } from '/govuk/govuk-frontend.min.js';
initAll();

// Import progress: without JavaScript the page has a Refresh button; with it, the page follows the job itself.
for (const el of document.querySelectorAll('[data-module="import-progress"]')) {
  const url = el.getAttribute('data-status-url');
  const stage = el.querySelector('#import-stage');
  const bar = el.querySelector('#import-progress');
  const tick = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const job = await res.json();
      if (job.state !== 'running') {
        window.location.reload();
        return;
      }
      if (stage) stage.textContent = job.progressText;
      if (bar && job.total) {
        bar.max = job.total;
        bar.value = job.done;
      }
    } finally {
      setTimeout(tick, 1500);
    }
  };
  setTimeout(tick, 1500);
}
