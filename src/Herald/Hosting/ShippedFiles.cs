using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Herald.Hosting;

/// <summary>
/// The web root as a running Herald sees it: files that ship with the build and never change under
/// it. Nothing is watched, so asking for a change token (asp-append-version caches the hash it
/// computed) costs no file-system watcher: each takes an inotify instance, of which a Linux user
/// has 128 by default, shared by every process it runs (several nodes, a test run's many servers).
/// </summary>
public sealed class ShippedFiles(string root) : IFileProvider
{
    private readonly PhysicalFileProvider files = new(root);

    public IFileInfo GetFileInfo(string subpath) => files.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}