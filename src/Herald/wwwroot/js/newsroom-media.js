// Says at once that a picture is too large, instead of after minutes of uploading it.
(() => {
  'use strict';
  const input = document.querySelector('input[type=file][data-max-bytes]');
  const problem = document.querySelector('[data-file-problem]');
  if (!input || !problem) return;
  const limit = Number(input.dataset.maxBytes);
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    const tooLarge = file && file.size > limit;
    problem.textContent = tooLarge
      ? `This file is ${(file.size / 1048576).toFixed(1)} MB; pictures may be at most ${Math.round(limit / 1048576)} MB.`
      : '';
    input.setCustomValidity(tooLarge ? problem.textContent : '');
  });
})();
