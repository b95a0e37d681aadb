namespace Herald.Tests.Infrastructure;

/// <summary>A folder of its own for one fixture, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "herald-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: leave it to the OS's temp cleanup.
        }
    }
}