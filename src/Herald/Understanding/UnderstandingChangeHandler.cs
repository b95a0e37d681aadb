using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting;

namespace Herald.Understanding;

/// <summary>
/// Reads every published article again when it is saved or published, inside the writer's
/// transaction, so its people, quotes and figures never disagree with its text; an unpublished
/// one's findings are dropped. The topic pages of every entity it names, before and after, are
/// evicted once the write commits, and so is every process's list of known names.
/// </summary>
public sealed class UnderstandingChangeHandler(ArticleUnderstanding understanding) : IArticleChangeHandler
{
    public async Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct)
    {
        if (change.Kind == ArticleChangeKind.Deleted || change.AnalysisDeferred)
        {
            return; // Deleted: its findings go with it (cascade); the topic pages expire with the site tag.
        }
        // Only what readers can see is understood: a draft must not give anyone a topic page.
        var touched = change.Article.Status == ArticleStatus.Published
            ? await understanding.AnalyzeAsync(change.Article, () => change.PlainText, ct, oneOfMany: change.Origin == ArticleWriteOrigin.Import)
            : await understanding.ForgetAsync(change.Article.Id, ct);
        foreach (var entityId in touched)
        {
            change.AlsoEvict.Add(CacheTags.Topic(entityId));
        }
        if (touched.Count > 0)
        {
            change.AlsoEvict.Add(CacheTags.KnownEntities);
        }
    }
}