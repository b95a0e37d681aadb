// The search-result and social-card preview, kept current as the writer types. Its rules are
// Newsroom/Editor/SearchSnippet.cs: title = headline – site; description = standfirst, else the
// excerpt, else the start of the story (here read from the live preview, figures left out).
(() => {
  'use strict';
  const snippet = document.querySelector('[data-snippet]');
  const form = document.querySelector('form.editor');
  if (!snippet || !form) return;
  const field = (name) => form.elements.namedItem(name);
  const part = (name) => snippet.querySelector(`[data-snippet-${name}]`);
  const titleLimit = Number(snippet.dataset.titleLimit);
  const descriptionLimit = Number(snippet.dataset.descriptionLimit);
  const site = snippet.dataset.siteTitle;
  const oneLine = (text) => (text || '').split(/\s+/).filter(Boolean).join(' ');

  // As MarkdownRenderer.MakeExcerpt: the first 280 characters, cut on a word.
  const excerptOfStory = () => {
    const body = document.querySelector('[data-preview-body]');
    if (!body) return '';
    const copy = body.cloneNode(true);
    copy.querySelectorAll('figure').forEach((f) => f.remove());
    const text = oneLine(Array.from(copy.children).map((c) => c.textContent).join(' '));
    if (text.length <= 280) return text;
    const cut = text.lastIndexOf(' ', 280);
    return text.slice(0, cut > 0 ? cut : 280) + '…';
  };

  const note = (element, text, warn) => { element.textContent = text; element.classList.toggle('snippet-warning', warn); };

  const update = () => {
    const headline = field('Form.Headline').value.trim();
    const title = headline ? `${headline} – ${site}` : site;
    const description = field('Form.Dek').value.trim() || field('Form.Excerpt').value.trim() || excerptOfStory();
    part('title').textContent = title;
    part('description').textContent = description;
    part('card-title').textContent = headline || site;
    part('card-description').textContent = description;
    note(part('title-note'), title.length > titleLimit
      ? `The title is ${title.length} characters; search results show about ${titleLimit}, so the end is cut off. Shorten the headline.`
      : `Title: ${title.length} of about ${titleLimit} characters.`, title.length > titleLimit);
    note(part('description-note'), description.length === 0
      ? 'No description yet: write a standfirst or an excerpt.'
      : description.length > descriptionLimit
        ? `The description is ${description.length} characters; search results show about ${descriptionLimit}, so the end is cut off. Shorten the standfirst or write an excerpt.`
        : `Description: ${description.length} of about ${descriptionLimit} characters.`,
    description.length === 0 || description.length > descriptionLimit);
    const chosen = document.querySelector('[data-featured-chosen]');
    const thumbnail = chosen && chosen.querySelector('[data-chosen-thumbnail]');
    const source = chosen && !chosen.hidden && thumbnail ? thumbnail.getAttribute('src') : null;
    let image = part('image');
    if (!image && source) {
      image = document.createElement('img');
      image.alt = '';
      image.dataset.snippetImage = '';
      snippet.querySelector('.social-card').prepend(image);
    }
    if (image) {
      image.hidden = !source;
      if (source) {
        image.src = source;
        image.className = thumbnail.className; // cropped around the picture's focal point, as shared links are
      }
    }
  };

  // After the other scripts have had their turn (the picker shows its choice, the preview its text).
  const soon = () => setTimeout(update, 0);
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  const body = document.querySelector('[data-preview-body]');
  if (body) new MutationObserver(soon).observe(body, { childList: true });
})();
