using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>The demo site with word lists to test against; every other comment setting is Herald's default.</summary>
internal static class CommentTestSettings
{
    public const string ModerationWord = "lawsuit";
    public const string BlockWord = "cheap pills";

    public static void Apply(IServiceCollection services) => services.PostConfigure<CommentOptions>(options =>
    {
        options.ModerationWords = [ModerationWord];
        options.BlockWords = [BlockWord];
        // The demo articles have fixed dates; ten years keeps them open whenever the tests run.
        options.CloseAfterDays = 3650;
    });
}

public sealed class SqliteCommentSiteFixture : SqliteSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services) => CommentTestSettings.Apply(services);
}

public sealed class PostgresCommentSiteFixture : PostgresSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services) => CommentTestSettings.Apply(services);
}