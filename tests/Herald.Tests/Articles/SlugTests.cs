using Herald.Articles;

namespace Herald.Tests.Articles;

public sealed class SlugTests
{
    [Theory]
    [InlineData("City council approves flood barrier", "city-council-approves-flood-barrier")]
    [InlineData("Zoë Brennan’s café in Malmö", "zoe-brennans-cafe-in-malmo")]
    [InlineData("Ayşe Yılmaz: İstanbul'da ağır çekim", "ayse-yilmaz-istanbulda-agir-cekim")]
    [InlineData("Łódź Straße Ærø", "lodz-strasse-aero")]
    [InlineData("Ольга Коваленко в Киеве", "olga-kovalenko-v-kieve")]
    [InlineData("  --Hello,   World!!  ", "hello-world")]
    [InlineData("!!!", "untitled")]
    [InlineData("", "untitled")]
    [InlineData("Η Αθήνα ψηφίζει για το νέο λιμάνι", "i-athina-psifizei-gia-to-neo-limani")]
    [InlineData("Москва закрывает метро из-за снегопада", "moskva-zakryvaet-metro-iz-za-snegopada")]
    [InlineData("東京で地震、新幹線が運休", "dong-jing-de-de-zhen-xin-gan-xian-ga-yun-xiu")]
    [InlineData("テレビ局のニュース", "terebi-ju-noniyusu")]
    [InlineData("서울 시장 선거", "seoul-sijang-seongeo")]
    [InlineData("中文标题", "zhong-wen-biao-ti")]
    public void Slugs_transliterate_and_join_with_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Long_headlines_are_cut_on_a_word_boundary()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("headline", 40)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("headline", slug);
    }
}