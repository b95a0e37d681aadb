namespace Herald.Text.Entities;

/// <summary>One reason to believe a name is an entity of a type, with how much it counts (0 to 1).</summary>
internal readonly record struct Evidence(EntityType Type, double Weight, string Reason);

/// <summary>
/// How much each kind of signal counts. Signals for the same type combine like independent witnesses
/// (1 − Π(1 − w)); the strongest type wins, and signals for another type take confidence away.
/// One clear signal reaches <see cref="ConfidenceThreshold.PublicPages"/>; capital letters alone do not.
/// </summary>
internal static class Weights
{
    public const double ConfirmedByEditor = 0.99;
    public const double KnownToSite = 0.85;
    public const double Curated = 0.97;
    public const double Region = 0.93;
    public const double LargeTown = 0.9;
    public const double TownInContext = 0.88;
    public const double PlaceWord = 0.88;
    public const double PlaceContext = 0.65;
    public const double WeakPlaceContext = 0.35;
    public const double LegalSuffix = 0.96;
    public const double OrganizationHead = 0.9;
    public const double OrganizationContext = 0.82;
    public const double Employer = 0.9;
    public const double InnerCapital = 0.7;
    public const double Acronym = 0.72;
    public const double DefinedAcronym = 0.9;
    public const double Title = 0.92;
    public const double Age = 0.9;
    public const double CommonGivenName = 0.82;
    public const double RareGivenName = 0.62;
    public const double SurnameEnding = 0.65;
    public const double NameShaped = 0.45;
    public const double Speaks = 0.5;
    public const double Quoted = 0.65;
    public const double Pronoun = 0.6;

    /// <summary>Confidence in the best type given all evidence; the best type comes out through best.</summary>
    public static double Decide(IEnumerable<Evidence> evidence, out EntityType best)
    {
        Span<double> against = stackalloc double[3];
        Span<double> strongAgainst = stackalloc double[3];
        against.Fill(1);
        strongAgainst.Fill(1);
        foreach (Evidence item in evidence)
        {
            double weight = Math.Clamp(item.Weight, 0, 1);
            against[(int)item.Type] *= 1 - weight;
            if (weight > NameShaped)
            {
                strongAgainst[(int)item.Type] *= 1 - weight;
            }
        }
        best = EntityType.Person;
        double top = -1;
        for (int i = 0; i < 3; i++)
        {
            if (1 - against[i] > top)
            {
                top = 1 - against[i];
                best = (EntityType)i;
            }
        }
        // Only real signals for another type count against the best: capital letters alone do not.
        double second = 0;
        for (int i = 0; i < 3; i++)
        {
            if (i != (int)best)
            {
                second = Math.Max(second, 1 - strongAgainst[i]);
            }
        }
        // Evidence for another type halves what it matches: a person named by a title but also
        // "shares in X" is a doubt an editor should settle.
        return Math.Round(Math.Max(0, top * (1 - (second / 2))), 2);
    }
}