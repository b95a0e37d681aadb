namespace Herald.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Herald.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where tests leave files worth keeping (screenshots): TestResults/artifacts at the root.</summary>
    public static string Artifacts
    {
        get
        {
            var folder = Path.Combine(Root, "TestResults", "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Herald.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside a Herald checkout (no Herald.slnx above them).");
    }
}