// The article editor: live preview with word count and reading time, keys for save and preview,
// autosave every few seconds and when the page is hidden, and an unsent copy in localStorage so a
// lost connection or a closed tab loses nothing.
(() => {
  'use strict';
  const form = document.querySelector('form.editor');
  if (!form) return;
  const AUTOSAVE_EVERY_MS = 4000;
  const textFields = ['Form.Headline', 'Form.Dek', 'Form.Slug', 'Form.Body', 'Form.Excerpt', 'Form.Tags'];
  const status = document.querySelector('[data-autosave-status]');
  const field = (name) => form.elements.namedItem(name);
  let storageKey = form.dataset.storageKey;
  let autosaveUrl = form.dataset.autosaveUrl;
  let dirty = false;
  let inFlight = false;
  let submitting = false;

  const say = (text) => { if (status) status.textContent = text; };
  const values = () => Object.fromEntries(textFields.map((name) => [name, field(name) ? field(name).value : '']));

  // The unsent copy: written on every change, removed once the server has the words.
  // A copy kept as the form is sent remembers the version it was sent from: if the page that
  // answers says the server stored a newer one (data-saved-version), the copy reached it.
  const keepCopy = (sent) => {
    try {
      const copy = { at: new Date().toISOString(), values: values() };
      if (sent) copy.sentFrom = Number(field('Form.Version').value);
      localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch (e) { /* Storage full or disabled: autosave still runs. */ }
  };
  const dropCopy = () => { try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ } };

  // The server's word on what it stored, not a comparison of words it may have tidied (tags, excerpt):
  // the page after a successful save names the version that save stored.
  const savedVersion = form.dataset.savedVersion ? Number(form.dataset.savedVersion) : null;
  const reachedServer = (copy) => savedVersion !== null && copy && typeof copy.sentFrom === 'number' && copy.sentFrom < savedVersion;

  const offerRestore = () => {
    // A new article's copy that reached the server (it is now this article) is no longer unsent.
    try {
      const fromNew = JSON.parse(localStorage.getItem('herald.unsent.new') || 'null');
      const now = values();
      if (storageKey !== 'herald.unsent.new' && fromNew
          && (reachedServer(fromNew) || textFields.every((n) => (fromNew.values[n] || '') === (now[n] || '')))) {
        localStorage.removeItem('herald.unsent.new');
      }
    } catch (e) { /* ignore */ }
    let copy;
    try { copy = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { copy = null; }
    if (!copy || !copy.values) return;
    if (reachedServer(copy)) { dropCopy(); return; }
    const current = values();
    if (textFields.every((name) => (copy.values[name] || '') === (current[name] || ''))) { dropCopy(); return; }
    const banner = document.querySelector('[data-restore]');
    if (!banner) return;
    banner.querySelector('[data-restore-time]').textContent = new Date(copy.at).toLocaleString();
    banner.hidden = false;
    banner.querySelector('[data-restore-accept]').addEventListener('click', () => {
      for (const name of textFields) if (field(name) && name in copy.values) field(name).value = copy.values[name];
      banner.hidden = true;
      dirty = true;
      refreshPreview();
      say('Restored the unsent copy; it will be saved in a moment.');
    });
    banner.querySelector('[data-restore-discard]').addEventListener('click', () => { dropCopy(); banner.hidden = true; });
  };

  // After the first autosave of a new article, the page becomes that article's editor.
  const adopt = (result) => {
    if (!result.id) return;
    if (field('Form.Id').value !== String(result.id)) {
      const oldKey = storageKey;
      field('Form.Id').value = result.id;
      form.action = result.editUrl;
      autosaveUrl = result.autosaveUrl;
      storageKey = 'herald.unsent.' + result.id;
      try { localStorage.removeItem(oldKey); } catch (e) { /* ignore */ }
      history.replaceState(null, '', result.editUrl);
    }
    if (result.applied) field('Form.Version').value = result.version;
  };

  const autosave = async () => {
    if (!dirty || inFlight || submitting) return;
    inFlight = true;
    dirty = false;
    try {
      const response = await fetch(autosaveUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      const result = await response.json();
      adopt(result);
      say(result.message);
      if (response.ok && !dirty) dropCopy();
    } catch (e) {
      dirty = true;
      say('Offline? Not saved to the server yet; your text is kept in this browser and will be sent when possible.');
    } finally {
      inFlight = false;
    }
  };

  // When the tab is hidden or closed there is no time to wait for an answer: send and forget.
  const flush = () => {
    if (!dirty || submitting) return;
    if (inFlight && field('Form.Id').value === '0') return; // the draft is being created; the copy stays here
    const sent = navigator.sendBeacon && navigator.sendBeacon(autosaveUrl, new FormData(form));
    if (!sent) fetch(autosaveUrl, { method: 'POST', body: new FormData(form), keepalive: true, credentials: 'same-origin' });
    dirty = false;
  };

  let previewTimer;
  const previewBody = document.querySelector('[data-preview-body]');
  const refreshPreview = () => {
    const headline = document.querySelector('[data-preview-headline]');
    const dek = document.querySelector('[data-preview-dek]');
    if (headline) headline.textContent = field('Form.Headline').value;
    if (dek) dek.textContent = field('Form.Dek').value;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async () => {
      if (!previewBody) return;
      const data = new FormData();
      data.append('Form.Body', field('Form.Body').value);
      // Imported WordPress stories keep HTML bodies; the preview must render them as HTML too.
      data.append('Form.BodyFormat', form.dataset.bodyFormat || 'Markdown');
      data.append('__RequestVerificationToken', field('__RequestVerificationToken').value);
      try {
        const response = await fetch(form.dataset.previewUrl, { method: 'POST', body: data, credentials: 'same-origin' });
        // Words and reading time come from the server, counted as the stored word count is.
        const words = response.headers.get('Herald-Words');
        const reading = response.headers.get('Herald-Reading-Time');
        const wordCount = document.querySelector('[data-word-count]');
        const readingTime = document.querySelector('[data-reading-time]');
        if (words && wordCount) wordCount.textContent = words;
        if (reading && readingTime) readingTime.textContent = reading;
        if (response.ok) {
          // The server sanitized this HTML with the same rules as the public page.
          previewBody.innerHTML = await response.text();
          previewBody.dataset.rendered = 'true';
        } else if (response.status === 422) {
          // A body Herald will not render: the reason, as text, where the preview would be.
          const problem = document.createElement('p');
          problem.className = 'form-problem';
          problem.textContent = await response.text();
          previewBody.replaceChildren(problem);
        }
      } catch (e) { /* The preview is a convenience; writing goes on without it. */ }
    }, 300);
  };

  // Keys: Ctrl/Cmd+S presses the save button (the submit handler keeps a copy as for a click);
  // Ctrl/Cmd+Shift+P moves to the preview, and from the preview back to where the writer was.
  const preview = document.getElementById('editor-preview');
  const saveButton = form.querySelector('[data-shortcut-save]');
  let returnTo = null;
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's' && !event.shiftKey && saveButton) {
      event.preventDefault();
      if (!submitting) form.requestSubmit(saveButton);
    } else if (key === 'p' && event.shiftKey && preview) {
      event.preventDefault();
      if (preview.contains(document.activeElement) && returnTo && document.contains(returnTo)) {
        returnTo.focus();
        returnTo = null;
      } else {
        returnTo = document.activeElement;
        refreshPreview();
        preview.scrollIntoView({ block: 'start' });
        preview.focus({ preventScroll: true });
      }
    }
  });
  const shortcuts = document.querySelector('[data-shortcuts]');
  if (shortcuts) shortcuts.hidden = false;

  form.addEventListener('input', () => { dirty = true; keepCopy(false); refreshPreview(); });
  form.addEventListener('change', () => { dirty = true; });
  form.addEventListener('submit', () => { submitting = true; keepCopy(true); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);
  setInterval(autosave, AUTOSAVE_EVERY_MS);

  offerRestore();
  refreshPreview();
})();
