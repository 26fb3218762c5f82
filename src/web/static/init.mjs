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

// Report progress (reports/views/report.njk): without JavaScript the page has a "Check progress" link; with it, the
// page follows the report's status from the API and reloads when it is finished.
for (const el of document.querySelectorAll('[data-module="report-progress"]')) {
  const url = el.getAttribute('data-status-url');
  const text = el.querySelector('#report-progress-text');
  const bar = el.querySelector('#report-progress-bar');
  let last = null;
  const tick = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const report = await res.json();
      if (report.status === 'done' || report.status === 'failed' || (last !== null && last !== report.status)) {
        window.location.reload();
        return;
      }
      last = report.status;
      if (text && report.status === 'running' && report.progress) text.textContent = report.progress;
      if (text && report.status === 'queued')
        text.textContent = `Waiting: ${report.ahead} ${report.ahead === 1 ? 'report' : 'reports'} ahead of it`;
      if (bar) bar.value = report.stepsDone;
    } finally {
      setTimeout(tick, 1500);
    }
  };
  setTimeout(tick, 1500);
}
