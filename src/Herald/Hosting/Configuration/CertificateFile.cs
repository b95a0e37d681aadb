using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Hosting.Configuration;

/// <summary>
/// Loads the certificate Kestrel serves https:// with, from a PEM file (its key in the same
/// file or in --https-key) or a PFX file, and refuses one that cannot serve: unreadable, not a
/// certificate, no private key, or outside its validity dates.
/// </summary>
public static class CertificateFile
{
    public static X509Certificate2? Load(Setting setting, string? path, string? keyPath, string? password)
    {
        if (path is null)
        {
            return keyPath is null ? null
                : throw new SettingException(ServeSettings.HttpsKey, "a key is given without a certificate (--https-cert).");
        }
        if (!File.Exists(path))
        {
            throw new SettingException(setting, $"there is no file {path}.");
        }
        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw new SettingException(ServeSettings.HttpsKey, $"there is no file {keyPath}.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path) ? LoadPem(path, keyPath, password) : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new SettingException(setting, $"{path} cannot be read as a certificate: {e.Message.Split('\n')[0].Trim()}");
        }
        if (!certificate.HasPrivateKey)
        {
            throw new SettingException(setting, $"{path} holds no private key; give it in the same file or with --https-key.");
        }
        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new SettingException(setting, $"{path} is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now.");
        }
        return certificate;
    }

    private static bool IsPem(string path)
    {
        using var file = File.OpenRead(path);
        var start = new byte[4096];
        var read = file.Read(start);
        return System.Text.Encoding.ASCII.GetString(start, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }

    private static X509Certificate2 LoadPem(string path, string? keyPath, string? password)
    {
        var certificate = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        // A key read from PEM is ephemeral; exporting to PKCS#12 gives SslStream a key it can use on every platform.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}