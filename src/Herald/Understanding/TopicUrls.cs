namespace Herald.Understanding;

/// <summary>The cache tag of an entity's topic page (its address is <see cref="Articles.ArticleUrls.Topic"/>).</summary>
public static class TopicUrls
{
    public static string CacheTag(int entityId) => $"entity:{entityId}";
}