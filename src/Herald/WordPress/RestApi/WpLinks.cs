using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>Builds the HAL-style _links object WordPress attaches to every item.</summary>
public sealed class WpLinks
{
    private readonly JsonObject links = [];

    public WpLinks Add(string relation, string href, bool embeddable = false, string? taxonomy = null)
    {
        var link = new JsonObject();
        if (embeddable)
        {
            link["embeddable"] = true;
        }
        if (taxonomy is not null)
        {
            link["taxonomy"] = taxonomy;
        }
        link["href"] = href;
        if (links[relation] is not JsonArray list)
        {
            list = [];
            links[relation] = list;
        }
        list.Add(link);
        return this;
    }

    /// <summary>The compact-URI prefix that turns "wp:term" into https://api.w.org/term.</summary>
    public JsonObject WithCuries()
    {
        links["curies"] = new JsonArray(new JsonObject { ["name"] = "wp", ["href"] = "https://api.w.org/{rel}", ["templated"] = true });
        return links;
    }

    public JsonObject Build() => links;
}