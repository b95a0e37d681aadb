// Pictures straight from the editor: a button, a paste or a drop opens a small form for the
// picture's alt text, caption and credit; the picture goes through the media library's intake,
// and the server answers with the ::: figure block, which goes in where the writer was.
// A refused picture says why in the form, and the story is not touched until one is stored.
(() => {
  'use strict';
  const dialog = document.getElementById('figure-dialog');
  const body = document.querySelector('form.editor textarea[name="Form.Body"]');
  const tools = document.querySelector('[data-figure-tools]');
  if (!dialog || !body || !tools || typeof dialog.showModal !== 'function') return;
  const form = dialog.querySelector('form');
  const fileInput = form.elements.namedItem('file');
  const alt = form.elements.namedItem('Figure.Alt');
  const problem = dialog.querySelector('[data-figure-problem]');
  const status = dialog.querySelector('[data-figure-status]');
  const insertButton = dialog.querySelector('[data-figure-insert]');
  const limit = Number(fileInput.dataset.maxBytes);
  const accepted = fileInput.accept.split(',');
  const megabytes = (bytes) => (bytes / 1048576).toFixed(1);
  let caret = null;

  const show = (text) => { problem.textContent = text; problem.hidden = !text; };
  const check = (file) => {
    if (!file) return 'Choose a picture to upload.';
    if (!accepted.includes(file.type)) return `"${file.name}" is not a picture Herald can use. Choose a JPEG, PNG, WebP or GIF image.`;
    if (file.size > limit) return `"${file.name}" is ${megabytes(file.size)} MB; pictures may be at most ${Math.round(limit / 1048576)} MB. Make it smaller and choose it again.`;
    return '';
  };

  const begin = (file) => {
    caret = { start: body.selectionStart, end: body.selectionEnd };
    show('');
    status.textContent = '';
    if (file) {
      const chosen = new DataTransfer();
      chosen.items.add(file);
      fileInput.files = chosen.files;
      show(check(file));
    } else {
      fileInput.value = '';
    }
    dialog.showModal();
    (file ? alt : fileInput).focus();
  };

  // The block on lines of its own, with a blank line on each side, where the caret was.
  const insert = (block) => {
    const text = body.value;
    const at = caret ? Math.min(caret.end, text.length) : text.length;
    const before = text.slice(0, at);
    const after = text.slice(at);
    const lead = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    body.value = before + lead + block + trail + after;
    const end = (before + lead + block + trail).length;
    body.setSelectionRange(end, end);
    // The editor's own script hears this as typing: preview, count, autosave and the kept copy follow.
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };

  tools.hidden = false;
  tools.querySelector('[data-figure-open]').addEventListener('click', () => begin(null));
  fileInput.addEventListener('change', () => show(fileInput.files.length ? check(fileInput.files[0]) : ''));
  dialog.querySelector('[data-figure-cancel]').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => body.focus());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files[0];
    const local = check(file);
    if (local) { show(local); fileInput.focus(); return; }
    if (!alt.value.trim()) {
      show('Describe what the picture shows (alt text) for readers who cannot see it.');
      alt.focus();
      return;
    }
    show('');
    insertButton.disabled = true;
    status.textContent = `Uploading ${file.name}…`;
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      let result = null;
      try { result = await response.json(); } catch (e) { /* not JSON: an error page */ }
      if (!response.ok || !result || !result.markdown) {
        show((result && result.message) || (response.status === 413
          ? `The picture is larger than Herald accepts (at most ${Math.round(limit / 1048576)} MB). Make it smaller and try again.`
          : `The picture was not stored (error ${response.status}). Your story is unchanged; try again.`));
        status.textContent = '';
        return;
      }
      insert(result.markdown);
      form.reset();
      dialog.close();
    } catch (e) {
      show('The picture could not be sent: check the connection and try again. Your story is unchanged.');
      status.textContent = '';
    } finally {
      insertButton.disabled = false;
    }
  });

  // Paste or drop a picture into the story: the same form opens with the picture chosen.
  body.addEventListener('paste', (event) => {
    const files = event.clipboardData ? Array.from(event.clipboardData.files) : [];
    const picture = files.find((f) => f.type.startsWith('image/'));
    if (picture) { event.preventDefault(); begin(picture); }
  });
  const carriesFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
  body.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    body.classList.add('drop-target');
  });
  body.addEventListener('dragleave', () => body.classList.remove('drop-target'));
  body.addEventListener('drop', (event) => {
    body.classList.remove('drop-target');
    if (!carriesFiles(event) || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    begin(event.dataTransfer.files[0]);
  });
})();
