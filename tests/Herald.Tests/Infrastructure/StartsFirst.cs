using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Herald.Tests.Infrastructure.StartsFirstOrderer", "Herald.Tests")]

namespace Herald.Tests.Infrastructure;

/// <summary>
/// For the longest test that keeps one core busy in a child process (the 100,000-post import):
/// it starts before every other parallel collection, so it runs beside the rest of the suite on
/// the other core instead of alone after it, and no short class is left waiting for it at the end.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StartsFirst
{
    public const string Name = "Starts first";
}

/// <summary>xunit's own order, with the <see cref="StartsFirst"/> collection moved to the front.</summary>
public sealed class StartsFirstOrderer : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer fallback = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = fallback.OrderTestCollections(testCollections).ToList();
        return ordered.Where(IsFirst).Concat(ordered.Where(c => !IsFirst(c)));
    }

    private static bool IsFirst(ITestCollection collection) => collection.DisplayName == StartsFirst.Name;
}