namespace Herald.Understanding;

/// <summary>
/// The one rule of what readers are told about people, organisations and places. A wrong entity
/// on a public page is a wrong fact about someone, so the analysis alone publishes only what it
/// was sure of; an editor's confirmation publishes an entity wherever a story names it, and an
/// editor's "hide" keeps it off every public page. Everything else waits in the newsroom.
/// </summary>
public static class PublicEntities
{
    /// <summary>Mentions a public page may show: the entity confirmed, or unreviewed and found with confidence.</summary>
    public static IQueryable<EntityMention> Shown(this IQueryable<EntityMention> mentions) =>
        mentions.Where(m => m.Entity.Review == EntityReview.Confirmed || (m.Entity.Review == EntityReview.Unreviewed && m.Confident));

    /// <summary>Quotes a public page may attribute to their speaker: the analysis was sure who spoke, and the speaker is not hidden.</summary>
    public static IQueryable<ArticleQuote> Attributed(this IQueryable<ArticleQuote> quotes) =>
        quotes.Where(q => q.SpeakerId != null && q.SpeakerConfident && q.Speaker!.Review != EntityReview.Hidden);
}