using Microsoft.AspNetCore.Mvc;

namespace Herald.Understanding;

/// <summary>The people, organisations and places a story quotes or names, under the article; the article page only names the place.</summary>
public sealed class StoryTopicsViewComponent(TopicQueries topics) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId) =>
        View("/Understanding/Pages/_StoryTopics.cshtml", await topics.ForArticleAsync(articleId, HttpContext.RequestAborted));
}