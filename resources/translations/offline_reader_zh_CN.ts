<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Offline Reader</source>
        <translation>关于离线阅读器</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Offline Reader {version}&lt;/h3&gt;&lt;p&gt;{pack}: {count} articles, readable with no internet connection.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Important:&lt;/b&gt; {disclaimer}&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;离线阅读器 {version}&lt;/h3&gt;&lt;p&gt;{pack}：共 {count} 篇文章，无需联网即可阅读。&lt;/p&gt;&lt;p&gt;&lt;b&gt;重要提示：&lt;/b&gt;{disclaimer}&lt;/p&gt;&lt;p&gt;本软件是自由软件，按 GNU 通用公共许可证第 3 版或更新版本发布。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>General information only.</source>
        <translation>仅供一般参考。</translation>
    </message>
</context>
<context>
    <name>ArticlePrinting</name>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {path}</source>
        <translation>无法保存 {path}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配 (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>KioskBar</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Change the colours</source>
        <translation>更换颜色</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Scan to report a problem with this page</source>
        <translation>扫码报告本页的问题</translation>
    </message>
    <message>
        <source>Not available on this terminal</source>
        <translation>此终端无法使用</translation>
    </message>
    <message>
        <source>This link leads to a web site, which cannot be opened here:
{url}</source>
        <translation>这个链接指向一个网站，在这里无法打开：
{url}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>This article is not available in {language}.</source>
        <translation>这篇文章没有{language}版本。</translation>
    </message>
    <message>
        <source>Still reading?</source>
        <translation>还在阅读吗？</translation>
    </message>
    <message>
        <source>Touch the screen to continue. Starting again in {n} seconds.</source>
        <translation>请触摸屏幕继续阅读。{n} 秒后将回到首页。</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>触摸屏幕开始</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>请输入工作人员密码。</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left.</source>
        <translation>密码错误。还可以再试 1 次。</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>密码错误。还可以再试 {n} 次。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {n} seconds.</source>
        <translation>密码错误次数太多。请在 {n} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>This article is not available in {language}.</source>
        <translation>这篇文章没有{language}版本。</translation>
    </message>
</context>
<context>
    <name>LinkRouter</name>
    <message>
        <source>Could not open {url}</source>
        <translation>无法打开 {url}</translation>
    </message>
    <message>
        <source>Outside link: {url}</source>
        <translation>外部链接：{url}</translation>
    </message>
</context>
<context>
    <name>Listening</name>
    <message>
        <source>Read aloud is not available on this computer. The guide “Accessibility” (accessibility.md, with the reader&apos;s documents) says how to add it.</source>
        <translation>这台电脑无法朗读。阅读器文档中的《无障碍》指南（accessibility.md）说明了如何添加朗读功能。</translation>
    </message>
    <message>
        <source>Reading speed {n}</source>
        <translation>朗读速度 {n}</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>朗读(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LoadingSplash</name>
    <message>
        <source>Preparing the library</source>
        <translation>正在准备图书馆</translation>
    </message>
    <message>
        <source>Preparing the library for use…</source>
        <translation>正在准备图书馆，请稍候…</translation>
    </message>
    <message>
        <source>{done} of {total} articles read</source>
        <translation>已读取 {done} 篇，共 {total} 篇</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>Text size {n}%</source>
        <translation>文字大小 {n}%</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>This article is not shown here: no clinician has reviewed it yet.</source>
        <translation>这篇文章不在这里显示：还没有医护人员审核过。</translation>
    </message>
    <message>
        <source>No article called &apos;{slug}&apos;</source>
        <translation>没有名为“{slug}”的文章</translation>
    </message>
    <message>
        <source>This article could not be displayed.</source>
        <translation>这篇文章无法显示。</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>继续阅读</translation>
    </message>
    <message>
        <source>Because you read {title}</source>
        <translation>因为您读过《{title}》</translation>
    </message>
    <message>
        <source>Home — {pack}</source>
        <translation>首页 — {pack}</translation>
    </message>
    <message>
        <source>{title} — {pack}</source>
        <translation>{title} — {pack}</translation>
    </message>
    <message>
        <source>Article {n} of {total} · {category}</source>
        <translation>第 {n} 篇，共 {total} 篇 · {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the content pack — see Help › Content problems</source>
        <translation>
            <numerusform>内容包中有 %n 个问题 — 请查看 帮助 › 内容问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>屏幕键盘</translation>
    </message>
    <message>
        <source>Letter {letter}</source>
        <translation>字母 {letter}</translation>
    </message>
    <message>
        <source>Digit {digit}</source>
        <translation>数字 {digit}</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>连字符</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>撇号</translation>
    </message>
    <message>
        <source>Full stop</source>
        <translation>句号</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>Ampersand</source>
        <translation>和号 &amp;</translation>
    </message>
    <message>
        <source>Slash</source>
        <translation>斜杠</translation>
    </message>
    <message>
        <source>123</source>
        <translation>123</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>显示数字</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Delete last letter</source>
        <translation>删除最后一个字</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>隐藏键盘</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Show letters</source>
        <translation>显示字母</translation>
    </message>
</context>
<context>
    <name>PageWords</name>
    <message>
        <source>‹ Previous: {title}</source>
        <translation>‹ 上一篇：{title}</translation>
    </message>
    <message>
        <source>Next: {title} ›</source>
        <translation>下一篇：{title} ›</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推荐阅读</translation>
    </message>
    <message>
        <source>Reviewed {date}</source>
        <translation>审核于 {date}</translation>
    </message>
    <message>
        <source>Reviewed {date} by {name}</source>
        <translation>{name} 审核于 {date}</translation>
    </message>
    <message>
        <source>Next review due {date}</source>
        <translation>下次审核：{date}</translation>
    </message>
    <message>
        <source>Next review due today</source>
        <translation>今天应该再次审核</translation>
    </message>
    <message>
        <source>Review overdue since {date}</source>
        <translation>审核已逾期（应于 {date} 审核）</translation>
    </message>
    <message>
        <source>Updated {date}</source>
        <translation>更新于 {date}</translation>
    </message>
    <message>
        <source>Not yet reviewed by a clinician</source>
        <translation>尚未经过医护人员审核</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Emergency: call {number} now</source>
        <translation>危急：请立即拨打{number}</translation>
    </message>
    <message>
        <source>Urgent: get medical advice today</source>
        <translation>紧急：请当天就医咨询</translation>
    </message>
    <message>
        <source>See a doctor: make an appointment</source>
        <translation>看医生：请预约就诊</translation>
    </message>
    <message>
        <source>your local emergency number</source>
        <translation>当地急救电话</translation>
    </message>
    <message>
        <source>General information, not medical advice. In an emergency call {number}.</source>
        <translation>仅供一般参考，不能代替医生的建议。遇到紧急情况，请拨打{number}。</translation>
    </message>
    <message>
        <source>Report a problem with this page: {contact}</source>
        <translation>报告本页的问题：{contact}</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>发布于 {date}</translation>
    </message>
    <message>
        <source>Accessed {date}</source>
        <translation>查阅于 {date}</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>本页内容</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>从这里开始</translation>
    </message>
    <message>
        <source>Browse by topic</source>
        <translation>按主题浏览</translation>
    </message>
    <message>
        <source>Recently reviewed</source>
        <translation>最近审核</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要提示</translation>
    </message>
    <message>
        <source>All articles A–Z</source>
        <translation>全部文章（按标题排列）</translation>
    </message>
    <message>
        <source>Common searches</source>
        <translation>常用搜索词</translation>
    </message>
    <message>
        <source>This article is very long; only the first part is shown.</source>
        <translation>这篇文章很长，只显示了前面一部分。</translation>
    </message>
    <message>
        <source>This article could not be displayed with its formatting, so it is shown as plain text.</source>
        <translation>这篇文章无法按原格式显示，现以纯文本显示。</translation>
    </message>
    <message>
        <source>This article was last reviewed on {date}. Some details may have changed — check with a health professional.</source>
        <translation>这篇文章最后一次审核是在 {date}。部分内容可能已有变化，请向医护人员核实。</translation>
    </message>
    <message>
        <source>This page could not be read from the archive: {reason}</source>
        <translation>无法从资料库文件中读取此页面：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>约 %n 分钟读完</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggested by the editors</source>
        <translation>编辑推荐</translation>
    </message>
    <message>
        <source>Also about: {topics}</source>
        <translation>同样涉及：{topics}</translation>
    </message>
    <message>
        <source>More in {category}</source>
        <translation>更多{category}文章</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
        <translation>工作人员退出</translation>
    </message>
    <message>
        <source>Digits entered</source>
        <translation>已输入的数字</translation>
    </message>
    <message>
        <source>Digit {d}</source>
        <translation>数字 {d}</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>删除最后一位数字</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Content problems</source>
        <translation>内容问题</translation>
    </message>
    <message>
        <source>Checking every article…</source>
        <translation>正在检查所有文章…</translation>
    </message>
    <message>
        <source>Checking every article… {done} of {total}</source>
        <translation>正在检查所有文章… 第 {done} 篇，共 {total} 篇</translation>
    </message>
    <message>
        <source>No problems were found in this content pack.</source>
        <translation>这个内容包没有发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s). Open one to see its article.</source>
        <translation>
            <numerusform>分布在 %n 个文件中。打开其中一个即可查看对应文章。</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line}: {severity}: {message}</source>
        <translation>第 {line} 行：{severity}：{message}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>Scan to read on your phone</source>
        <translation>扫码在手机上阅读</translation>
    </message>
    <message>
        <source>QR code for {url}</source>
        <translation>{url} 的二维码</translation>
    </message>
</context>
<context>
    <name>QtSpeechEngine</name>
    <message>
        <source>Read aloud needs Qt&apos;s speech module (pip install PySide6-Addons) and a speech engine such as speech-dispatcher with espeak-ng.</source>
        <translation>朗读功能需要 Qt 语音模块（pip install PySide6-Addons）以及语音引擎，例如 speech-dispatcher 和 espeak-ng。</translation>
    </message>
    <message>
        <source>No speech engine is installed. On Debian or Ubuntu: sudo apt install speech-dispatcher espeak-ng</source>
        <translation>没有安装语音引擎。在 Debian 或 Ubuntu 上可运行：sudo apt install speech-dispatcher espeak-ng</translation>
    </message>
    <message>
        <source>The speech engine reported an error: {error}</source>
        <translation>语音引擎出错：{error}</translation>
    </message>
</context>
<context>
    <name>ReloadOffer</name>
    <message>
        <source>Library updated — reload</source>
        <translation>图书馆已更新 — 重新载入</translation>
    </message>
    <message>
        <source>Open the new version of the library; you stay on this article</source>
        <translation>打开新版本的图书馆，仍然停留在这篇文章</translation>
    </message>
</context>
<context>
    <name>SearchIndexing</name>
    <message>
        <source>Preparing search: {percent}% of {total} articles</source>
        <translation>正在准备搜索：{total} 篇文章已完成 {percent}%</translation>
    </message>
    <message>
        <source>Preparing search</source>
        <translation>正在准备搜索</translation>
    </message>
    <message>
        <source>Search is ready</source>
        <translation>搜索已就绪</translation>
    </message>
    <message>
        <source>Search is not available: {error}</source>
        <translation>搜索暂不可用：{error}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Search articles (Ctrl+K)</source>
        <translation>搜索文章 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推荐阅读</translation>
    </message>
    <message>
        <source>Recommended articles</source>
        <translation>推荐文章</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>搜索提示</translation>
    </message>
    <message>
        <source>Search is getting ready…</source>
        <translation>搜索正在准备中…</translation>
    </message>
    <message>
        <source>The best {n} articles:</source>
        <translation>最相关的 {n} 篇文章：</translation>
    </message>
    <message>
        <source>1 article found:</source>
        <translation>找到 1 篇文章：</translation>
    </message>
    <message>
        <source>{n} articles found:</source>
        <translation>找到 {n} 篇文章：</translation>
    </message>
    <message>
        <source>No articles match ‘{query}’.</source>
        <translation>没有与“{query}”相符的文章。</translation>
    </message>
    <message>
        <source>This library is in {language}: try words in {language}.</source>
        <translation>这个图书馆的文章是{language}的：请用{language}搜索。</translation>
    </message>
    <message>
        <source>Did you mean {words}?</source>
        <translation>您是不是要找 {words}？</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Home</source>
        <translation>首页(&amp;H)</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>回到首页</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the page you read before</source>
        <translation>回到之前看的页面</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <source>Previous article in the library</source>
        <translation>图书馆中的上一篇文章</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <source>Next article in the library</source>
        <translation>图书馆中的下一篇文章</translation>
    </message>
    <message>
        <source>&amp;Search articles</source>
        <translation>搜索文章(&amp;S)</translation>
    </message>
    <message>
        <source>Search all articles</source>
        <translation>搜索所有文章</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>复制选中的文字</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select the whole article</source>
        <translation>选中整篇文章</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find words in this article</source>
        <translation>在这篇文章中查找字词</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation>把文字放大</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation>把文字缩小</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>Reset the text size</source>
        <translation>恢复默认文字大小</translation>
    </message>
    <message>
        <source>Show &amp;sidebar</source>
        <translation>显示侧栏(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the list of articles</source>
        <translation>显示或隐藏文章列表</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print this article</source>
        <translation>打印这篇文章</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save this article as a PDF file</source>
        <translation>把这篇文章保存为 PDF 文件</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>朗读(&amp;L)</translation>
    </message>
    <message>
        <source>Read this article aloud; again to pause</source>
        <translation>朗读这篇文章；再按一次暂停</translation>
    </message>
    <message>
        <source>S&amp;top reading aloud</source>
        <translation>停止朗读(&amp;T)</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read &amp;slower</source>
        <translation>读慢一点(&amp;S)</translation>
    </message>
    <message>
        <source>Read aloud more slowly</source>
        <translation>放慢朗读速度</translation>
    </message>
    <message>
        <source>Read &amp;faster</source>
        <translation>读快一点(&amp;F)</translation>
    </message>
    <message>
        <source>Read aloud faster</source>
        <translation>加快朗读速度</translation>
    </message>
    <message>
        <source>Content &amp;problems…</source>
        <translation>内容问题(&amp;P)…</translation>
    </message>
    <message>
        <source>Problems found in the content pack</source>
        <translation>内容包中发现的问题</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The keys for every action</source>
        <translation>每个操作对应的按键</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>Offline Reader</source>
        <translation>离线阅读器</translation>
    </message>
    <message>
        <source>The content pack could not be opened:
{error}</source>
        <translation>无法打开内容包：
{error}</translation>
    </message>
    <message>
        <source>The archive could not be opened:
{error}

The bundled library opens instead.</source>
        <translation>无法打开资料库文件：
{error}

将改为打开随附的资料库。</translation>
    </message>
    <message>
        <source>The content pack has changed on disk; restart the reader to see every change.</source>
        <translation>磁盘上的内容包已更改；请重新启动阅读器以查看全部更改。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
The reader will keep running.</source>
        <translation>出了点问题：{error}
阅读器会继续运行。</translation>
    </message>
</context>
</TS>
