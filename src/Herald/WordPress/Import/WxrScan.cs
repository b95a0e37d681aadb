namespace Herald.WordPress.Import;

/// <summary>
/// The first pass over an export: it reads the whole file once without writing anything, so a
/// malformed file is refused before the database is touched, and it collects the little the
/// import needs ahead of time (how many items of each kind, which attachments hang on which
/// post). Its size grows with the number of attachments, never with the posts' text.
/// </summary>
public sealed class WxrScan
{
    public string Source { get; private set; } = "";
    public string Version { get; private set; } = "";
    public int Posts { get; private set; }
    public int Pages { get; private set; }
    public int Attachments { get; private set; }
    public int OtherItems { get; private set; }
    public int Comments { get; private set; }

    /// <summary>Attachment ids by the post they are attached to (WordPress's post_parent).</summary>
    public Dictionary<long, List<long>> AttachmentsByParent { get; } = [];

    public int Items => Posts + Pages + Attachments + OtherItems;

    public static WxrScan Run(string path, Action<long>? progress = null)
    {
        var scan = new WxrScan();
        var read = 0L;
        foreach (var record in WxrReader.Read(path))
        {
            switch (record)
            {
                case WxrSite site:
                    scan.Source = site.BlogUrl.Length > 0 ? site.BlogUrl : "file:" + Path.GetFileName(path);
                    scan.Version = site.Version;
                    break;
                case WxrItem item:
                    scan.Count(item);
                    if (++read % 1000 == 0)
                    {
                        progress?.Invoke(read);
                    }
                    break;
            }
        }
        if (scan.Source.Length > 300)
        {
            scan.Source = scan.Source[..300];
        }
        return scan;
    }

    private void Count(WxrItem item)
    {
        switch (item.PostType)
        {
            case "post":
                Posts++;
                Comments += item.Comments.Count;
                break;
            case "page":
                Pages++;
                Comments += item.Comments.Count;
                break;
            case "attachment":
                Attachments++;
                if (item.ParentId > 0)
                {
                    if (!AttachmentsByParent.TryGetValue(item.ParentId, out var list))
                    {
                        AttachmentsByParent[item.ParentId] = list = [];
                    }
                    list.Add(item.PostId);
                }
                break;
            default:
                OtherItems++;
                break;
        }
    }
}