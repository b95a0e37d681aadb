using System.Globalization;

namespace Herald.Text.Tests.Quality;

/// <summary>True positives, false positives and false negatives for one measure.</summary>
public sealed class Score(string name)
{
    public string Name { get; } = name;
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,-34} {1,5} {2,5} {3,5}   P {4:0.000}  R {5:0.000}  F1 {6:0.000}",
        Name, TruePositives, FalsePositives, FalseNegatives, Precision, Recall, F1);
}