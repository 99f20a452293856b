// The Chinese words ToyWorld writes, used to segment Chinese text into words when a vocabulary is
// built. Chinese has no spaces, so "我喜欢这只猫" can only be cut into [我][喜欢][这只][猫] by knowing
// the words. Colour–animal compounds such as 橘猫 are deliberately left out: they segment as [橘][猫],
// so the colour and the animal stay separate tokens and an unseen pair (an orange dog, 橘狗) is still
// made of known tokens.

/// The word list for segmenting ToyWorld's Chinese text.
public enum ChineseLexicon {
    /// Every multi-character word of ToyWorld's captions, questions and answers, plus the article's.
    ///
    ///     ChineseLexicon.words.contains("喜欢")   // true
    public static let words: [String] = {
        var words = ToyColor.allCases.flatMap { [$0.chinese] + $0.chineseSynonyms }
        words += ObjectKind.allCases.map(\.chinese)
        words += ["一只", "一条", "一个", "一张", "这只", "这条", "这个", "这张", "哪个",
                  "可爱", "晒太阳", "太阳", "照片", "图片", "喜欢", "左边", "右边", "上面", "下面",
                  "什么", "颜色", "动物", "物体", "几个", "没有", "不是",
                  "两个", "三个", "四个", "五个", "六个", "七个", "八个", "九个", "十个",
                  "十一个", "十二个", "十三个", "十四个", "十五个", "零个"]
        return words
    }()
}
