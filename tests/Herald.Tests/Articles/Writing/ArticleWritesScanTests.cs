using System.Reflection;
using System.Reflection.Emit;
using Herald.Articles;
using Herald.Articles.Writing;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles.Writing;

/// <summary>
/// Reads the IL of every method Herald has (lambdas and async state machines included) for calls
/// that add, update, remove or bulk-change <see cref="Article"/> rows, and fails when one sits
/// outside the pipeline's namespace: a writer that skips the pipeline skips the handlers and the
/// cache eviction too.
/// </summary>
public sealed class ArticleWritesScanTests
{
    /// <summary>Writes to article rows outside the pipeline that are meant to be, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["Herald.Comments.CommentPublishing"] = "the approved-comment count, moderation's own number, saved with the comment in one journaled write",
    };

    private static readonly string[] RowWrites = ["Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange"];

    [Fact]
    public void Only_the_article_pipeline_writes_articles()
    {
        var writes = FindArticleWrites();
        var outside = writes.Where(w => w.Namespace != typeof(ArticlePipeline).Namespace && !Allowed.ContainsKey(w.Type)).ToList();
        Assert.True(outside.Count == 0, "Articles written outside Herald.Articles.Writing:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void The_scan_sees_the_writes_it_looks_for()
    {
        // A scan that finds nothing would pass the test above for the wrong reason.
        var writes = FindArticleWrites();
        Assert.Contains(writes, w => w.Type == typeof(ArticlePipeline).FullName && w.Call.StartsWith("DbSet`1.Add", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Type == typeof(ArticlePipeline).FullName && w.Call.StartsWith("DbSet`1.Remove", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Type == "Herald.Comments.CommentPublishing" && w.Call.Contains(".ExecuteUpdate", StringComparison.Ordinal));
    }

    private sealed record Write(string Type, string Namespace, string Method, string Call)
    {
        public override string ToString() => $"{Type}.{Method} calls {Call}";
    }

    private static List<Write> FindArticleWrites()
    {
        var found = new List<Write>();
        var assembly = typeof(Article).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (owner.Namespace?.StartsWith("Herald.Storage.Migrations", StringComparison.Ordinal) == true)
            {
                continue;
            }
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var called in CalledMethods(method))
                {
                    if (WritesArticles(called))
                    {
                        found.Add(new Write(owner.FullName!, owner.Namespace ?? "", method.Name, $"{called.DeclaringType?.Name}.{called.Name}"));
                    }
                }
            }
        }
        return found;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    private static bool WritesArticles(MethodBase called)
    {
        var declaring = called.DeclaringType;
        if (declaring is { IsGenericType: true } && declaring.GetGenericTypeDefinition() == typeof(DbSet<>)
            && declaring.GetGenericArguments()[0] == typeof(Article) && RowWrites.Contains(called.Name))
        {
            return true;
        }
        if (called is MethodInfo { IsGenericMethod: true } generic && generic.GetGenericArguments().FirstOrDefault() == typeof(Article))
        {
            var onContext = declaring is not null && typeof(DbContext).IsAssignableFrom(declaring) && RowWrites.Contains(called.Name);
            var bulk = called.Name.StartsWith("ExecuteUpdate", StringComparison.Ordinal) || called.Name.StartsWith("ExecuteDelete", StringComparison.Ordinal);
            return onContext || bulk;
        }
        return false;
    }

    /// <summary>The methods a method's IL calls (call, callvirt, newobj, ldftn), resolved in its generic context.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var opCode = ReadOpCode(il, ref position);
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A token in a generic context the resolver cannot close; not an article write either way.
                }
                if (called is not null)
                {
                    yield return called;
                }
            }
            position += OperandSize(opCode, il, position);
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static OpCode ReadOpCode(byte[] il, ref int position)
    {
        short value = il[position++];
        if (value == 0xFE)
        {
            value = unchecked((short)(0xFE00 | il[position++]));
        }
        return OpCodesByValue[value];
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}