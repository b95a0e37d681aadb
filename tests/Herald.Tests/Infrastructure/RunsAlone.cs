namespace Herald.Tests.Infrastructure;

/// <summary>
/// Tests that keep both cores busy for minutes (the XSS corpus's thousands of page loads), or
/// that measure what the machine does (memory, a node killed under load), run in this collection,
/// which xunit runs on its own after the parallel ones: sharing the machine with them made
/// browser tests' 30-second waits time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}