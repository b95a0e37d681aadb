using Herald.Text;

namespace Herald.Understanding;

/// <summary>
/// POST /newsroom/checks: the editorial checks of a draft's Markdown, for the editor to show as
/// warnings beside the text before publishing. Reads nothing and writes nothing, so it needs no
/// anti-forgery token; a JSON content type keeps other sites' forms from calling it at all.
/// </summary>
public static class EditorialChecksEndpoint
{
    public const int MaxCharacters = 500_000;

    public sealed record Request(string? Text);

    public sealed record Warning(string Rule, string Message, int Start, int End);

    /// <param name="newsroom">The /newsroom group: any signed-in staff member may ask.</param>
    public static void MapEditorialChecks(this RouteGroupBuilder newsroom)
    {
        newsroom.MapPost("/checks", (Request request) =>
            {
                var text = request.Text ?? "";
                if (text.Length > MaxCharacters)
                {
                    return Results.Problem($"The text is longer than {MaxCharacters:N0} characters; check it in parts.", statusCode: StatusCodes.Status413PayloadTooLarge);
                }
                var analysis = NewsAnalyzer.Analyze(text);
                return Results.Ok(analysis.Checks.Select(c => new Warning(c.Rule, c.Message, c.Start, c.End)));
            })
            .Accepts<Request>("application/json")
            .WithName("EditorialChecks");
    }
}