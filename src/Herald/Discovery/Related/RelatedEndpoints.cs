using Herald.Newsroom;

namespace Herald.Discovery.Related;

/// <summary>A decision an editor posts: "pin", "exclude" or "clear" for one related article.</summary>
public sealed record RelatedDecision(int RelatedArticleId, string Decision);

/// <summary>/newsroom/related/{articleId}: why articles are related (GET) and the editor's pin/exclude (POST), as JSON, for editors.</summary>
public static class RelatedEndpoints
{
    /// <param name="newsroom">The /newsroom group (<see cref="NewsroomArea.MapNewsroom"/>).</param>
    public static void MapRelatedNewsroom(this RouteGroupBuilder newsroom)
    {
        var group = newsroom.MapGroup("/related/{articleId:int}").RequireAuthorization(NewsroomAccess.Editors);
        group.MapGet("", async (int articleId, RelatedArticlesService related, CancellationToken ct) =>
            await related.ExplainAsync(articleId, ct) is { } list ? Results.Ok(list) : Results.NotFound());
        group.MapPost("", async (int articleId, RelatedDecision body, RelatedArticlesService related, CancellationToken ct) =>
        {
            if (body.Decision is not ("pin" or "exclude" or "clear"))
            {
                return Results.BadRequest(new { error = "decision must be \"pin\", \"exclude\" or \"clear\"." });
            }
            bool? pinned = body.Decision == "clear" ? null : body.Decision == "pin";
            return await related.DecideAsync(articleId, body.RelatedArticleId, pinned, ct)
                ? Results.Ok(await related.ExplainAsync(articleId, ct))
                : Results.NotFound();
        });
    }
}