// The focal point editor on a media item's page: a click on the picture sets the two numbers, and
// the marker and the crop previews follow the numbers as they change. Without this script the
// numbers alone do the job; the server draws the marker and crops from the saved values.
(() => {
  const editor = document.querySelector('[data-focal-editor]');
  if (!editor) return;
  const picture = editor.querySelector('[data-focal-picture]');
  const across = editor.querySelector('[data-focal-x]');
  const down = editor.querySelector('[data-focal-y]');

  const clamp = value => Math.min(100, Math.max(0, Math.round(Number(value))));
  // Custom properties set through the style object are allowed by the content policy (only style
  // attributes in markup are not); they override the server's classes on the same element.
  const show = () => {
    if (across.value !== '' && !Number.isNaN(Number(across.value))) editor.style.setProperty('--focus-x', `${clamp(across.value)}%`);
    if (down.value !== '' && !Number.isNaN(Number(down.value))) editor.style.setProperty('--focus-y', `${clamp(down.value)}%`);
  };

  picture.addEventListener('click', event => {
    const box = picture.querySelector('img').getBoundingClientRect();
    across.value = clamp(((event.clientX - box.left) / box.width) * 100);
    down.value = clamp(((event.clientY - box.top) / box.height) * 100);
    show();
  });
  across.addEventListener('input', show);
  down.addEventListener('input', show);
})();
