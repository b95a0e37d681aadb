namespace Herald.Newsroom.Confirm;

/// <summary>
/// A step that takes something off the site or out of reach asks first, naming the thing and what
/// will happen (<c>_Confirm.cshtml</c>). It is plain HTML: the confirm button posts again with
/// <c>confirm=<see cref="Value"/></c>, which the handler requires, so it works without JavaScript and
/// a post without it changes nothing.
/// </summary>
/// <param name="Question">The question, naming the object: Move "Harbour reopens" to the trash?</param>
/// <param name="Consequence">What happens to readers and how to undo it.</param>
/// <param name="Button">The confirm button's words.</param>
/// <param name="CancelUrl">Where "Keep it as it is" leads.</param>
/// <param name="Value">The value of the <c>confirm</c> field the handler looks for.</param>
public sealed record Confirmation(string Question, string Consequence, string Button, string CancelUrl, string Value)
{
    /// <summary>The address the confirm form posts to; null when the button submits a form on the page (<see cref="Form"/>).</summary>
    public string? Action { get; init; }

    /// <summary>The id of a form on the page the button submits (the editor's, so the typed words go too).</summary>
    public string? Form { get; init; }

    /// <summary>The confirm button's own name and value (the editor's <c>action</c>), when it has one.</summary>
    public (string Name, string Value)? ButtonField { get; init; }

    /// <summary>Further fields posted with the confirmation.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the field named confirm carries this step's value.</summary>
    public static bool Given(string? confirm, string value) => string.Equals(confirm, value, StringComparison.Ordinal);
}