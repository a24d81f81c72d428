import Testing
@testable import Crosscheck

/// The sentences `SentenceSplitter` finds in `text`, as strings.
private func sentences(_ text: String) -> [String] {
    SentenceSplitter.split(text).map { text.scalarSlice($0.start, $0.end) }
}

@Suite struct SentenceSplitterTests {

    // MARK: Abbreviations

    @Test("Abbreviations do not end a sentence", arguments: [
        ("The U.S. economy grew. The Canadian economy did not.",
         ["The U.S. economy grew.", "The Canadian economy did not."]),
        ("It opened on Mar. 6 in Tokyo. The talks began.",
         ["It opened on Mar. 6 in Tokyo.", "The talks began."]),
        ("Japan is No. 1 in the region. Canada is second.",
         ["Japan is No. 1 in the region.", "Canada is second."]),
        ("Dr. Smith arrived. He spoke.",
         ["Dr. Smith arrived.", "He spoke."]),
        ("Exports include cars, e.g. hybrids. Imports rose.",
         ["Exports include cars, e.g. hybrids.", "Imports rose."]),
        ("Mr. and Mrs. Tanaka visited. They stayed.",
         ["Mr. and Mrs. Tanaka visited.", "They stayed."]),
        ("Sen. Smith spoke. He left.",
         ["Sen. Smith spoke.", "He left."]),
        ("Mt. Fuji is high. It is snowy.",
         ["Mt. Fuji is high.", "It is snowy."]),
        ("See Fig. 3 for details. Then stop.",
         ["See Fig. 3 for details.", "Then stop."]),
        ("Smith et al. found it. The end.",
         ["Smith et al. found it.", "The end."]),
        ("Prices rose in Jan. 2025 sharply. Then fell.",
         ["Prices rose in Jan. 2025 sharply.", "Then fell."]),
        ("The U.S. Congress approved it. It passed.",
         ["The U.S. Congress approved it.", "It passed."]),
        ("U.S.-Japan relations improved. Trade grew.",
         ["U.S.-Japan relations improved.", "Trade grew."]),
        ("Japan is No. 1. Canada is No. 2.",
         ["Japan is No. 1.", "Canada is No. 2."]),
    ] as [(String, [String])])
    func abbreviations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("Sentence-final abbreviations end a sentence before a typical opener", arguments: [
        ("They export wheat, canola, pork, etc. The list is long.",
         ["They export wheat, canola, pork, etc.", "The list is long."]),
        ("With the U.S. The partners agreed.",
         ["With the U.S.", "The partners agreed."]),
        ("He moved to the U.S. In 2020, he returned.",
         ["He moved to the U.S.", "In 2020, he returned."]),
        ("Ends with U.S. It then continues.",
         ["Ends with U.S.", "It then continues."]),
        ("He works at Acme Inc. The company grows.",
         ["He works at Acme Inc.", "The company grows."]),
        ("Meet at 5 p.m. The doors open early.",
         ["Meet at 5 p.m.", "The doors open early."]),
    ] as [(String, [String])])
    func sentenceFinalAbbreviations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("A lower-case word after an abbreviation continues the sentence", arguments: [
        ("Unpredictability with the U.S., especially with Donald Trump’s return to the presidency in January.",
         ["Unpredictability with the U.S., especially with Donald Trump’s return to the presidency in January."]),
        ("Unpredictability with the U.S. especially with Trump. It continued.",
         ["Unpredictability with the U.S. especially with Trump.", "It continued."]),
        ("When China conducted extended military exercises around Taiwan following U.S. congressional visits in mid-2023, Canadian and Japanese statements diverged notably in tone and substance.",
         ["When China conducted extended military exercises around Taiwan following U.S. congressional visits in mid-2023, Canadian and Japanese statements diverged notably in tone and substance."]),
        ("He works at Acme Inc. in Toronto. It grows.",
         ["He works at Acme Inc. in Toronto.", "It grows."]),
        ("The meeting ended at 5 p.m. on Friday. The next day was calm.",
         ["The meeting ended at 5 p.m. on Friday.", "The next day was calm."]),
    ] as [(String, [String])])
    func lowerCaseContinuation(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    // MARK: Initials

    @Test("Initials do not end a sentence", arguments: [
        ("Former president Donald J. Trump spoke. He left.",
         ["Former president Donald J. Trump spoke.", "He left."]),
        ("I read J. R. R. Tolkien yesterday. It was long.",
         ["I read J. R. R. Tolkien yesterday.", "It was long."]),
        ("Mr. J. Smith arrived. He sat.",
         ["Mr. J. Smith arrived.", "He sat."]),
    ] as [(String, [String])])
    func initials(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    // MARK: Numbers and currency

    @Test("Decimals and currency amounts do not end a sentence", arguments: [
        ("According to Export Development Canada, bilateral trade reached C$35 billion in 2023 despite pandemic disruptions and protectionist headwinds. The CPTPP has effectively created institutional architecture for deepened economic integration.",
         ["According to Export Development Canada, bilateral trade reached C$35 billion in 2023 despite pandemic disruptions and protectionist headwinds.",
          "The CPTPP has effectively created institutional architecture for deepened economic integration."]),
        ("GDP was $5.7 trillion. That is large.",
         ["GDP was $5.7 trillion.", "That is large."]),
        ("Japan is now Canada’s fourth-largest trading partner. In 2021, for example, trade reached CAD 28.7 billion. This shows the partnership’s importance.",
         ["Japan is now Canada’s fourth-largest trading partner.", "In 2021, for example, trade reached CAD 28.7 billion.",
          "This shows the partnership’s importance."]),
        ("Exports were 28.7. Imports were 30.1.",
         ["Exports were 28.7.", "Imports were 30.1."]),
        ("It cost $3.50. Cheap.",
         ["It cost $3.50.", "Cheap."]),
        ("It rose 9.2 per cent from 2017. Exports grew.",
         ["It rose 9.2 per cent from 2017.", "Exports grew."]),
        ("Version 2.0 shipped. Users liked it.",
         ["Version 2.0 shipped.", "Users liked it."]),
        ("The rate was 3.5 %. Next came the rest.",
         ["The rate was 3.5 %.", "Next came the rest."]),
        ("visits in mid-2023. 2024 was calm.",
         ["visits in mid-2023.", "2024 was calm."]),
        ("Trade was C$35 bn. It rose.",
         ["Trade was C$35 bn.", "It rose."]),
    ] as [(String, [String])])
    func numbers(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    // MARK: Quotes and parentheses

    @Test("Closing quotes and parentheses stay with their sentence", arguments: [
        ("As a former Canadian diplomat in Tokyo remarked privately, “When Ottawa hit pause, Tokyo questioned our seriousness.” From Japan’s perspective, the position was precarious.",
         ["As a former Canadian diplomat in Tokyo remarked privately, “When Ottawa hit pause, Tokyo questioned our seriousness.”",
          "From Japan’s perspective, the position was precarious."]),
        ("She asked “Is it fine?” He nodded.",
         ["She asked “Is it fine?”", "He nodded."]),
        ("He said 'yes.' Then left.",
         ["He said 'yes.'", "Then left."]),
        ("There are over 129,425 people of Japanese origin residing in Canada (2021 census). Prior to the COVID-19 pandemic, approximately 600,000 Japanese and Canadians travelled annually between the two countries.",
         ["There are over 129,425 people of Japanese origin residing in Canada (2021 census).",
          "Prior to the COVID-19 pandemic, approximately 600,000 Japanese and Canadians travelled annually between the two countries."]),
        ("Canada is a member of NATO (North Atlantic Treaty Organization). It helps.",
         ["Canada is a member of NATO (North Atlantic Treaty Organization).", "It helps."]),
        ("(See the annex.) The figures follow.",
         ["(See the annex.)", "The figures follow."]),
        ("He left (after the vote.) Then they met.",
         ["He left (after the vote.)", "Then they met."]),
        ("“Yes,” he said. “No,” she replied.",
         ["“Yes,” he said.", "“No,” she replied."]),
        ("Mitsubishi Corporation, one of Japan’s largest trading houses, holds a 15 per cent stake in the C$40 billion (US$29 billion) LNG Canada project in British Columbia. “What concerns the people most in Japan currently is cost of living and inflation,” said Tomoo Kikuchi, professor at Waseda University.",
         ["Mitsubishi Corporation, one of Japan’s largest trading houses, holds a 15 per cent stake in the C$40 billion (US$29 billion) LNG Canada project in British Columbia.",
          "“What concerns the people most in Japan currently is cost of living and inflation,” said Tomoo Kikuchi, professor at Waseda University."]),
    ] as [(String, [String])])
    func quotesAndParentheses(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("A quoted sentence inside a sentence does not split it", arguments: [
        "He said “It is fine.” and left.",
        "He asked: “Why?” and left.",
        "“Because of what's happening now in (the) Middle East, I think it's important for Japan that it has other sources of imports of LNG and oil,” he added.",
        "And they (Canada and Japan) share the same kind of values … such as democracy and human rights.",
    ])
    func quotedSentenceInside(text: String) {
        #expect(sentences(text) == [text])
    }

    @Test func sentenceEndingInClosingQuote() {
        let text = "Kei Koga, associate professor at Nanyang Technological University in Singapore, said: “Japan has the economic capabilities, and a strong diplomatic presence in the Pacific.”"
        #expect(sentences(text) == [text])
    }

    // MARK: Question and exclamation marks, ellipses

    @Test("Question marks, exclamation marks and ellipses", arguments: [
        ("It’s quite a partnership, isn’t it? Imagine this journey! It moved from conflict to true cooperation.",
         ["It’s quite a partnership, isn’t it?", "Imagine this journey!", "It moved from conflict to true cooperation."]),
        ("Is it true? Yes! It is.",
         ["Is it true?", "Yes!", "It is."]),
        ("Wait!! What?! Really?",
         ["Wait!!", "What?!", "Really?"]),
        ("Is this it?! No way.",
         ["Is this it?!", "No way."]),
        ("They waited... and waited. Then it came.",
         ["They waited... and waited.", "Then it came."]),
        ("We waited … The bus came.",
         ["We waited …", "The bus came."]),
    ] as [(String, [String])])
    func punctuation(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func ellipsisFollowedByLowerCase() {
        let text = "Kei Koga said: “Japan has the economic capabilities, and a strong diplomatic presence in the Pacific. And they (Canada and Japan) share the same kind of values … such as democracy and human rights.”"
        #expect(sentences(text) == [
            "Kei Koga said: “Japan has the economic capabilities, and a strong diplomatic presence in the Pacific.",
            "And they (Canada and Japan) share the same kind of values … such as democracy and human rights.”",
        ])
    }

    // MARK: Lists

    @Test func inlineNumberedListStaysOneSentence() {
        let text = "In May 2021, the Foreign Ministers of Canada and Japan agreed on six shared priorities contributing to a free and open Indo-Pacific region: 1) the rule of law; 2) peacekeeping operations, peacebuilding, and humanitarian assistance and disaster relief; 3) health security and responding to COVID-19; 4) energy security; 5) free trade promotion and trade agreement implementation; and 6) the environment and climate change. In October 2022, Foreign Ministers Joly and Hayashi released an Action Plan with concrete commitments to implement the six shared priorities."
        #expect(sentences(text) == [
            "In May 2021, the Foreign Ministers of Canada and Japan agreed on six shared priorities contributing to a free and open Indo-Pacific region: 1) the rule of law; 2) peacekeeping operations, peacebuilding, and humanitarian assistance and disaster relief; 3) health security and responding to COVID-19; 4) energy security; 5) free trade promotion and trade agreement implementation; and 6) the environment and climate change.",
            "In October 2022, Foreign Ministers Joly and Hayashi released an Action Plan with concrete commitments to implement the six shared priorities.",
        ])
    }

    @Test
    func numberedListLinesKeepTheirNumber() {
        let text = "1. Institutionalizing security co-operation through a formal bilateral framework;\n2. Accelerating critical minerals and clean energy collaboration, and;\n3. Developing synchronized approaches to economic coercion from larger powers."
        #expect(sentences(text) == [
            "1. Institutionalizing security co-operation through a formal bilateral framework;",
            "2. Accelerating critical minerals and clean energy collaboration, and;",
            "3. Developing synchronized approaches to economic coercion from larger powers.",
        ])
    }

    // MARK: White space and edge cases

    @Test("White space and edge cases", arguments: [
        ("", []),
        ("   \n\t ", []),
        ("A title with no terminal punctuation", ["A title with no terminal punctuation"]),
        ("First sentence.    Second sentence.", ["First sentence.", "Second sentence."]),
        ("  Leading and trailing space.  ", ["Leading and trailing space."]),
        ("Paragraph one ends here.\nParagraph two starts here.", ["Paragraph one ends here.", "Paragraph two starts here."]),
        ("Tokyo!\nOttawa!", ["Tokyo!", "Ottawa!"]),
        ("It is done.\u{00A0}Next one.", ["It is done.", "Next one."]),
        ("Canada and Japan work closely in multilateral fora, such as:", ["Canada and Japan work closely in multilateral fora, such as:"]),
        ("Visit canada.ca. The site is useful.", ["Visit canada.ca.", "The site is useful."]),
        ("The last sentence has no period. It trails off", ["The last sentence has no period.", "It trails off"]),
    ] as [(String, [String])])
    func edgeCases(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func spansAreUnicodeScalarOffsetsTrimmedOfWhiteSpace() {
        // "’" is one scalar; "e\u{301}" is two scalars but one Character.
        let text = "  Japan is Canada’s partner.  Cafe\u{301} culture grew.  "
        let spans = SentenceSplitter.split(text)
        #expect(spans == [TextSpan(start: 2, end: 28), TextSpan(start: 30, end: 49)])
        #expect(text.scalarSlice(2, 28) == "Japan is Canada’s partner.")
        #expect(text.scalarSlice(30, 49) == "Cafe\u{301} culture grew.")
    }

    // MARK: Real paragraphs from the inbox

    @Test func realParagraphFromGlobalAffairsCanada() {
        let text = "Canada and Japan enjoy rich cultural ties and people to-people linkages. There are over 129,425 people of Japanese origin residing in Canada (2021 census). Prior to the COVID-19 pandemic, approximately 600,000 Japanese and Canadians travelled annually between the two countries. Japanese manga and anime have many fans in Canada, and Canadian artists have an active following in Japan."
        #expect(sentences(text) == [
            "Canada and Japan enjoy rich cultural ties and people to-people linkages.",
            "There are over 129,425 people of Japanese origin residing in Canada (2021 census).",
            "Prior to the COVID-19 pandemic, approximately 600,000 Japanese and Canadians travelled annually between the two countries.",
            "Japanese manga and anime have many fans in Canada, and Canadian artists have an active following in Japan.",
        ])
    }

    @Test func realParagraphWithAmountsAndYears() {
        let text = "Trade and economic relations between Canada and Japan have been steadily expanding. With a gross domestic product of $5.7 trillion (2023), Japan is the world’s fourth-largest national economy and one of Canada’s most important economic and commercial partners. The FDI stock from Japan into Canada is valued at $49.3 billion (2023), making Japan Canada’s largest source of FDI from the Indo-Pacific and third largest overall."
        #expect(sentences(text) == [
            "Trade and economic relations between Canada and Japan have been steadily expanding.",
            "With a gross domestic product of $5.7 trillion (2023), Japan is the world’s fourth-largest national economy and one of Canada’s most important economic and commercial partners.",
            "The FDI stock from Japan into Canada is valued at $49.3 billion (2023), making Japan Canada’s largest source of FDI from the Indo-Pacific and third largest overall.",
        ])
    }

    @Test func realParagraphWithShortSentences() {
        let text = "The bond between Canada and Japan is truly special. Honestly, it’s like a vibrant story unfolding. This story is deeply woven from shared history. It includes mutual respect. It’s quite a partnership, isn’t it?"
        #expect(sentences(text) == [
            "The bond between Canada and Japan is truly special.",
            "Honestly, it’s like a vibrant story unfolding.",
            "This story is deeply woven from shared history.",
            "It includes mutual respect.",
            "It’s quite a partnership, isn’t it?",
        ])
    }

    @Test func realSentenceWithWrittenDate() {
        let text = "This piece was first published on April 30, 2025, at Asia Pacific Foundation of Canada."
        #expect(sentences(text) == [text])
    }

    // MARK: Known bugs

    @Test(arguments: [
        ("The answer was no. The committee moved on.", ["The answer was no.", "The committee moved on."]),
        ("They sat in the sun. It was warm.", ["They sat in the sun.", "It was warm."]),
        ("They love modern art. The museum opened.", ["They love modern art.", "The museum opened."]),
        ("The couple wed. They moved.", ["The couple wed.", "They moved."]),
    ] as [(String, [String])])
    func commonWordsThatLookLikeAbbreviations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test
    func singleCapitalLetterAtSentenceEnd() {
        #expect(sentences("We chose Plan B. The rest followed.") == ["We chose Plan B.", "The rest followed."])
    }

    @Test
    func ideographicFullStop() {
        #expect(sentences("日本は重要です。カナダも重要です。") == ["日本は重要です。", "カナダも重要です。"])
    }
}
