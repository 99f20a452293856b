// What lesson 07 prints and labels, in English and Chinese. The steps' narration is in
// 07-one-space.en.md and 07-one-space.zh.md.

import Walkthrough

extension OneSpace {
    enum Say {
        // Step 1
        static let recordings = L("%d recordings: %d speakers × 10 digits × %d takes, %.2f–%.2f s long (median %.2f s)",
                                  "%d 段录音：%d 位说话人 × 10 个数字 × 每个 %d 遍，长 %.2f–%.2f 秒（中位数 %.2f 秒）")
        static let lengthColumns: [L] = [L("speaker", "说话人"), L("shortest (s)", "最短（秒）"), L("median (s)", "中位数（秒）"),
                                         L("longest (s)", "最长（秒）")]
        static let handwriting = L("%d handwritten digits, each 8×8 counts 0–16 (%d of them kept for testing)",
                                   "%d 个手写数字，每个是 8×8 个 0–16 的计数（其中 %d 个留作测试）")
        static let nothingLinesUp = L("one recording is %d samples, the next %d; a picture is always 64 counts; a name is 1 to 3 words: "
                                      + "no position of one means anything in another",
                                      "一段录音 %d 个采样点，另一段 %d 个；一张图总是 64 个计数；一个名字是 1 到 3 个词："
                                      + "一种数据里的任何位置，在另一种里都没有意义")
        static let exported = L("wrote %@ (%@, %.2f s, 8000 Hz mono 16-bit, CC BY-SA 4.0)",
                                "已写出 %@（%@，%.2f 秒，8000 Hz 单声道 16 位，CC BY-SA 4.0）")
        static let messyTitle = L("\"%@\" by six speakers: waveform and log mel grid", "六位说话人说的“%@”：波形与对数梅尔网格")
        static let waveTitle = L("%@, %.2f s", "%@，%.2f 秒")
        static let gridTitle = L("%@: 32 frames × 32 mel bands", "%@：32 帧 × 32 个梅尔频带")
        static let gridFrames = L("frame (the recording stretched to 32)", "帧（录音拉伸到 32 帧）")
        static let gridBands = L("mel band", "梅尔频带")
        static let seconds = L("time (s)", "时间（秒）")
        static let handwritingTitle = L("Handwritten digits, ten of each (UCI, 8×8 counts)", "手写数字，每个数字十个（UCI，8×8 计数）")

        // Step 2
        static let shapeColumns: [L] = [L("tower", "编码器"), L("input", "输入"), L("layers", "层"), L("parameters", "参数")]
        static let handwritingTower = L("handwriting", "手写")
        static let speechTower = L("speech", "语音")
        static let wordsTower = L("words", "文字")
        static let total = L("%d parameters in all, two learned temperatures included; the space has %d dimensions",
                             "共 %d 个参数（含两个学习的温度）；共享空间 %d 维")
        static let pairs = L("one step: %d digits drawn at random; each gets a picture and a recording (the first loss) "
                             + "and, for %d more digits, a picture and a text (the second loss); %d texts in all, e.g. %@",
                             "每一步：随机抽 %d 个数字，每个配一张图和一段录音（第一个损失）；"
                             + "再抽 %d 个数字，每个配一张图和一句文字（第二个损失）；文字共 %d 句，例如 %@")
        static let neverPaired = L("recordings and texts are never in the same loss", "录音和文字从不出现在同一个损失里")

        // Step 3
        static let trained = L("picture↔speech loss %.3f → %.3f, picture↔words %.3f → %.3f (last 20 steps); "
                               + "the floor duplicates allow: %.3f each",
                               "图↔语音损失 %.3f → %.3f，图↔文字 %.3f → %.3f（最后 20 步）；同批重复数字允许的最低值：各 %.3f")
        static let floorNote = L("a batch of %d holds about %.1f pairs of each digit, which the loss cannot tell apart: "
                                 + "it cannot fall below the mean of ln K, K the copies of a pair's digit",
                                 "一批 %d 个配对里每个数字约有 %.1f 个，损失分不清它们：它不可能低于 ln K 的平均值，"
                                 + "K 是同一数字在批内出现的次数")
        static let trainingTitle = L("Two contrastive losses (running mean of 10 steps)", "两个对比损失（10 步滑动平均）")
        static let step = L("step", "步")
        static let loss = L("loss", "损失")
        static let pictureSpeech = L("picture ↔ speech", "图 ↔ 语音")
        static let pictureWords = L("picture ↔ words", "图 ↔ 文字")
        static let floorLabel = L("floor: duplicates in a batch", "下限：批内重复的数字")

        // Step 4
        static let scoreColumns: [L] = [L("query → answer", "查询 → 答案"), L("trained on this pairing?", "训练过这种配对？"),
                                        L("untrained", "训练前"), L("trained", "训练后")]
        static let toNameEnglish = L("speech → name (English)", "语音 → 名字（英文）")
        static let toNameChinese = L("speech → name (Chinese)", "语音 → 名字（中文）")
        static let toPicture = L("speech → picture", "语音 → 图片")
        static let pictureToName = L("picture → name (English)", "图片 → 名字（英文）")
        static let never = L("never", "从未")
        static let yes = L("yes", "是")
        static let emergent = L("%d test recordings (takes 0–4 of every speaker): %.1f%% find their name in English and "
                                + "%.1f%% in Chinese, without a single recording–text pair in training (chance: 10%%)",
                                "%d 段测试录音（每位说话人的第 0–4 遍）：%.1f%% 找到了英文名字，%.1f%% 找到了中文名字，"
                                + "训练中没有一个录音–文字配对（随机水平：10%%）")
        static let confusions = L("most frequent mistakes (heard → named): %@", "最常见的错误（听到的 → 说成的）：%@")
        static let noMistakes = L("no mistakes", "没有错误")
        static let retrievalTitle = L("Test recordings and the handwritten pictures nearest them", "测试录音，以及离它最近的手写图片")
        static let nearestPictures = L("the %d nearest test pictures", "最近的 %d 张测试图片")
        static let spaceTitle = L("Recordings, pictures and names in one space, coloured by digit", "录音、图片和名字在同一空间里，按数字着色")
        static let modalities: [L] = [L("recording", "录音"), L("picture", "图片"), L("name", "名字")]

        // Step 5
        static let speakerColumns: [L] = [L("held out", "留出"), L("speech → name (en)", "语音 → 名字（英）"),
                                          L("speech → name (zh)", "语音 → 名字（中）"), L("speech → picture", "语音 → 图片")]
        static let fsddSplit = L("FSDD split (takes 0–4)", "FSDD 划分（第 0–4 遍）")
        static let speakerVerdict = L("a voice never heard: %.2f–%.2f in English (mean %.2f), against %.2f when every voice was heard",
                                      "从没听过的声音：英文 %.2f–%.2f（平均 %.2f），而每个声音都听过时是 %.2f")
        static let worstSpeaker = L("hardest voice: %@ (%.2f); five training voices do not cover a sixth",
                                    "最难的声音：%@（%.2f）；五个训练声音覆盖不了第六个")
        static let speakersTitle = L("A voice never heard: each speaker left out of training in turn", "从没听过的声音：轮流把每位说话人留在训练之外")
        static let accuracy = L("accuracy", "准确率")
        static let splitLine = L("FSDD split, English", "FSDD 划分，英文")
        static let chance = L("chance", "随机水平")
        static let quickSpeakers = L("--quick leaves out %@ only; the default run leaves out each of the six in turn",
                                     "--quick 只留出 %@；默认运行会轮流留出全部六位")

        // Step 6
        static let noWav = L("no --wav given: FSDD's %@ (a test take, never trained on) stands in; it was written to %@ "
                             + "and read back the way --wav reads your file",
                             "没有给 --wav：用 FSDD 的 %@（测试录音，从未训练过）代替；它被写到 %@，"
                             + "再像读取你的文件那样读回来")
        static let read = L("read %@: %@, %.2f s", "读取 %@：%@，%.2f 秒")
        static let resampled = L("note: resampled from %d Hz to 8000 Hz (windowed-sinc, content above 4 kHz removed)",
                                 "注意：已从 %d Hz 重采样到 8000 Hz（加窗 sinc，去掉 4 kHz 以上的成分）")
        static let mixed = L("note: %d channels mixed to mono", "注意：%d 个声道已混为单声道")
        static let trimmed = L("speech found at %.2f–%.2f s; the silence around it was cut (FSDD's recordings are cut the same way)",
                               "在 %.2f–%.2f 秒找到语音；前后的静音已剪掉（FSDD 的录音也是这样剪过的）")
        static let long = L("note: %.2f s is longer than any FSDD recording (2.28 s); the grid squeezes it into 32 frames",
                            "注意：%.2f 秒比任何 FSDD 录音（2.28 秒）都长；网格会把它压进 32 帧")
        static let nearestNames = L("nearest names: %@ · %@", "最近的名字：%@ · %@")
        static let nearestDigits = L("nearest pictures show: %@", "最近的图片是：%@")
        static let yoursTitle = L("Your recording in the shared space: %@", "你的录音在共享空间里：%@")
        static let yourGrid = L("your recording, 32 × 32", "你的录音，32 × 32")
        static let yourCosines = L("cosine to each name", "与每个名字的余弦")

        // Step 7
        static let verdictColumns: [L] = [L("", ""), L("ImageBind (Girdhar et al. 2023)", "ImageBind（Girdhar 等，2023）"),
                                          L("this run", "本次运行")]
        static let rowBinding = L("binding modality", "绑定用的模态")
        static let rowPairs = L("trained pairs", "训练的配对")
        static let rowEmergent = L("emergent zero-shot, never paired", "涌现的零样本（从未配对）")
        static let rowClasses = L("classes (chance)", "类别数（随机水平）")
        static let claimHolds = L("verdict: speech and words, never paired, share one space through the pictures (%.2f / %.2f); "
                                  + "a new voice is the weak point (%.2f–%.2f)",
                                  "结论：从未配对的语音和文字，借图片共享了一个空间（%.2f / %.2f）；"
                                  + "新的声音是弱点（%.2f–%.2f）")
        static let claimFails = L("verdict: in this run the recordings did not find their names reliably (%.2f / %.2f)",
                                  "结论：本次运行中录音没能可靠地找到自己的名字（%.2f / %.2f）")
    }
}
