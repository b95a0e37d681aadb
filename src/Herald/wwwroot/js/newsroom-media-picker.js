// The featured-image picker: search the whole library by file name, alt text or caption, and
// choose by thumbnail, size and upload time. The plain select stays the field the form sends;
// choosing here sets it, and fills the article's alt text, caption and credit where they are empty.
(() => {
  'use strict';
  const picker = document.querySelector('[data-media-picker]');
  const select = document.querySelector('[data-featured-select]');
  if (!picker || !select) return;
  const form = select.form;
  const search = picker.querySelector('[data-media-search]');
  const results = picker.querySelector('[data-media-results]');
  const status = picker.querySelector('[data-media-status]');
  const chosen = document.querySelector('[data-featured-chosen]');
  let timer;
  let asked = 0;

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const altNote = (alt) => (alt ? `Library alt text: ${alt}` : 'No alt text in the library');

  const showChosen = (item) => {
    if (!chosen) return;
    chosen.hidden = !item;
    if (!item) return;
    let thumbnail = chosen.querySelector('[data-chosen-thumbnail]');
    if (!thumbnail) {
      thumbnail = element('img');
      thumbnail.alt = '';
      thumbnail.dataset.chosenThumbnail = '';
      chosen.prepend(thumbnail);
    }
    thumbnail.src = item.thumbnailUrl;
    thumbnail.className = `focal ${item.focusClasses || ''}`;
    chosen.querySelector('[data-chosen-name]').textContent = item.name;
    chosen.querySelector('[data-chosen-details]').textContent = item.details;
    chosen.querySelector('[data-chosen-alt]').textContent = altNote(item.alt);
  };

  const fillIfEmpty = (name, value) => {
    const input = form.elements.namedItem(name);
    if (!input || input.value.trim() || !value) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const choose = (item) => {
    if (!Array.from(select.options).some((o) => o.value === String(item.id))) {
      select.add(new Option(`${item.name} · ${item.details}`, String(item.id)));
    }
    select.value = String(item.id);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    fillIfEmpty('Form.FeaturedAlt', item.alt);
    fillIfEmpty('Form.FeaturedCaption', item.caption);
    fillIfEmpty('Form.FeaturedCredit', item.credit);
    showChosen(item);
    for (const button of results.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.mediaId === select.value));
    }
  };

  const render = (items) => {
    results.replaceChildren(...items.map((item) => {
      const button = element('button', 'picker-item');
      button.type = 'button';
      button.dataset.mediaId = String(item.id);
      button.setAttribute('aria-pressed', String(select.value === String(item.id)));
      const image = element('img');
      image.src = item.thumbnailUrl;
      image.className = `focal ${item.focusClasses || ''}`;
      image.alt = '';
      image.loading = 'lazy';
      button.append(image, element('span', 'picker-name', item.name), element('span', 'hint', item.details), element('span', 'picker-alt', altNote(item.alt)));
      button.addEventListener('click', () => choose(item));
      const entry = element('li');
      entry.append(button);
      return entry;
    }));
  };

  const find = async () => {
    const query = search.value.trim();
    const mine = ++asked;
    try {
      const response = await fetch(`${picker.dataset.searchUrl}?q=${encodeURIComponent(query)}`, { credentials: 'same-origin' });
      const result = await response.json();
      if (mine !== asked) return; // a later search has been typed
      if (!response.ok) { status.textContent = result.message || 'The search did not work; try other words.'; return; }
      render(result.items);
      status.textContent = result.items.length === 0
        ? (query ? `No picture matches "${query}".` : 'The library has no pictures yet.')
        : (query ? `${result.items.length} found for "${query}".` : 'The newest pictures in the library.');
    } catch (e) {
      if (mine === asked) status.textContent = 'The library could not be searched; the list above still works.';
    }
  };

  select.addEventListener('change', () => { if (!select.value) showChosen(null); });
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 250); });
  // Enter in the search box searches; it must not send the article.
  search.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); find(); } });
  picker.hidden = false;
  find();
})();
