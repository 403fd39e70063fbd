<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Design your sales process as a flowchart, give every stage its KPIs, actions, talk scripts and materials, print it as an onboarding manual and hand it to your reps as an offline playbook.</source>
        <translation>営業プロセスをフローチャートで設計し、各ステージにKPI・アクション・トークスクリプト・資料を設定して、オンボーディング用マニュアルとして印刷し、オフラインで使えるプレイブックとして営業担当者に配布できます。</translation>
    </message>
    <message>
        <source>Qt version: {version}</source>
        <translation>Qt バージョン：{version}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>同梱フォント</translation>
    </message>
    <message>
        <source>Qt is used under the LGPL 3.0 through PySide6; the font licence texts are in the application folder, resources/fonts.</source>
        <translation>Qt は PySide6 を通じて LGPL 3.0 の下で使用しています。フォントのライセンス全文はアプリケーションフォルダーの resources/fonts にあります。</translation>
    </message>
    <message>
        <source>About SalesDesigner</source>
        <translation>SalesDesigner について</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>P&amp;ublish to Team Repository…</source>
        <translation>チームリポジトリに発行(&amp;U)…</translation>
    </message>
    <message>
        <source>Publish this process as its next revision: the version trainers and reps see</source>
        <translation>このプロセスを次の版として発行します：トレーナーと営業担当者が見るバージョンです</translation>
    </message>
    <message>
        <source>Save a &amp;Local Copy…</source>
        <translation>ローカルにコピーを保存(&amp;L)…</translation>
    </message>
    <message>
        <source>Write this team repository process to a .salesdesign file (the window keeps saving to the repository)</source>
        <translation>このチームリポジトリのプロセスを .salesdesign ファイルに書き出します(ウィンドウは引き続きリポジトリに保存します)</translation>
    </message>
    <message>
        <source>Open from &amp;Team Repository…</source>
        <translation>チームリポジトリから開く(&amp;T)…</translation>
    </message>
    <message>
        <source>Open a process from the team's PostgreSQL repository</source>
        <translation>チームの PostgreSQL リポジトリからプロセスを開きます</translation>
    </message>
    <message>
        <source>Save to Team &amp;Repository</source>
        <translation>チームリポジトリに保存(&amp;R)</translation>
    </message>
    <message>
        <source>Save this process to the team repository (a local document is uploaded as a new process)</source>
        <translation>このプロセスをチームリポジトリに保存します(ローカルの文書は新しいプロセスとして登録されます)</translation>
    </message>
    <message>
        <source>Performance &amp;Overlay</source>
        <translation>実績オーバーレイ(&amp;O)</translation>
    </message>
    <message>
        <source>Colour the stages and arrows by what the deal history says</source>
        <translation>商談の実績でステージと矢印を色分けします</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <source>The funnel, KPI trends, the bottleneck and stalled deals</source>
        <translation>ファネル、KPIの推移、ボトルネック、停滞している商談</translation>
    </message>
    <message>
        <source>Remove Ac&amp;tuals…</source>
        <translation>実績データを削除(&amp;T)…</translation>
    </message>
    <message>
        <source>Remove the deal history imported from the CRM (before sharing the file)</source>
        <translation>CRMから取り込んだ案件の記録を削除します（ファイルを共有する前に）</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規作成(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new process from a template</source>
        <translation>テンプレートから新しいプロセスを作成します</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>ドキュメントを開きます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>ドキュメントを保存します</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>保存した状態に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;CSV Stage List…</source>
        <translation>CSV ステージ一覧(&amp;C)…</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>図を PNG で(&amp;P)…</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>図を SVG で(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;GraphML…</source>
        <translation>GraphML(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Manual (PDF)…</source>
        <translation>マニュアル (PDF)(&amp;M)…</translation>
    </message>
    <message>
        <source>Play&amp;book (HTML)…</source>
        <translation>プレイブック (HTML)(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>名前を変更(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全画面表示(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels and the toolbar back where they were at first</source>
        <translation>パネルとツールバーを最初の配置に戻します</translation>
    </message>
    <message>
        <source>&amp;Playbook</source>
        <translation>プレイブック(&amp;P)</translation>
    </message>
    <message>
        <source>Read the process as a rep would, read-only</source>
        <translation>営業担当者の目線でプロセスを閲覧します（読み取り専用）</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>ステージ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>分岐(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>開始(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Won</source>
        <translation>受注(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Lost</source>
        <translation>失注(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>終了(&amp;E)</translation>
    </message>
    <message>
        <source>L&amp;ane</source>
        <translation>レーン(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Auto Layout</source>
        <translation>自動レイアウト(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the stages left to right</source>
        <translation>ステージを左から右へ自動で並べます</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>左揃え(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Centre</source>
        <translation>左右中央揃え(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>右揃え(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Top</source>
        <translation>上揃え(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Middle</source>
        <translation>上下中央揃え(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Bottom</source>
        <translation>下揃え(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Horizontally</source>
        <translation>左右に等間隔(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Vertically</source>
        <translation>上下に等間隔(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Check Process</source>
        <translation>プロセスをチェック(&amp;C)</translation>
    </message>
    <message>
        <source>Show the validation panel</source>
        <translation>チェック結果パネルを表示します</translation>
    </message>
    <message>
        <source>&amp;About SalesDesigner</source>
        <translation>SalesDesigner について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>挿入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation>プロセス(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;lign</source>
        <translation>整列(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Distribute</source>
        <translation>等間隔に配置(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>&amp;Publish Revision…</source>
        <translation>版を発行(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the document and keep this version of the process in it</source>
        <translation>文書を保存し、現在のプロセスをこの版として文書内に残します</translation>
    </message>
    <message>
        <source>Re&amp;visions…</source>
        <translation>版の一覧(&amp;V)…</translation>
    </message>
    <message>
        <source>The published revisions: open one read-only or restore it</source>
        <translation>発行済みの版：読み取り専用で開く、または下書きに戻す</translation>
    </message>
    <message>
        <source>Compare With &amp;File…</source>
        <translation>ファイルと比較(&amp;F)…</translation>
    </message>
    <message>
        <source>Show what changed between this document and another version</source>
        <translation>このドキュメントと別の版との違いを表示します</translation>
    </message>
    <message>
        <source>Compare With &amp;Last Revision</source>
        <translation>最新の版と比較(&amp;L)</translation>
    </message>
    <message>
        <source>Show what changed in the draft since the latest published revision</source>
        <translation>最新の発行版から下書きで変わった点を表示します</translation>
    </message>
    <message>
        <source>Import A&amp;ctuals…</source>
        <translation>実績の取り込み(&amp;C)…</translation>
    </message>
    <message>
        <source>Add the deal history from a CRM export (CSV or Excel): preview first</source>
        <translation>CRMの書き出し（CSV・Excel）から商談履歴を取り込みます。取り込む前に内容を確認できます</translation>
    </message>
    <message>
        <source>Save a Cop&amp;y Without Actuals…</source>
        <translation>実績を除いたコピーを保存(&amp;Y)…</translation>
    </message>
    <message>
        <source>Write a copy of this document without the deal history, to hand to reps; this document keeps it</source>
        <translation>商談履歴を含まないコピーを保存します（営業担当者への配布用）。このドキュメントの実績はそのまま残ります</translation>
    </message>
    <message>
        <source>Pla&amp;n…</source>
        <translation>計画(&amp;N)…</translation>
    </message>
    <message>
        <source>Work the goal back through the process: the deals and the daily activity it needs</source>
        <translation>目標をプロセスに沿って逆算：必要な案件数と1日の活動量</translation>
    </message>
    <message>
        <source>&amp;Top Performers</source>
        <translation>担当者別の成績(&amp;T)</translation>
    </message>
    <message>
        <source>Each owner against the team per stage: differences chance hardly explains, made into tips for everyone</source>
        <translation>ステージごとに各担当者をチームと比較：偶然では説明しにくい差を見つけ、全員のコツにします</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Arrow Style</source>
        <translation>矢印のスタイル</translation>
    </message>
    <message>
        <source>Arrow Style of the Document</source>
        <translation>文書全体の矢印のスタイル</translation>
    </message>
    <message>
        <source>As the Document</source>
        <translation>文書と同じ</translation>
    </message>
    <message>
        <source>Curved</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>直角</translation>
    </message>
    <message>
        <source>Straight</source>
        <translation>直線</translation>
    </message>
    <message>
        <source>Remove Bend Points</source>
        <translation>折れ点を削除</translation>
    </message>
    <message>
        <source>Ends Chosen Automatically</source>
        <translation>矢印の端を自動で決める</translation>
    </message>
    <message>
        <source>Rename Lane…</source>
        <translation>レーン名を変更…</translation>
    </message>
    <message>
        <source>Change Colour…</source>
        <translation>色を変更…</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>レーンを上へ</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>レーンを下へ</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>レーンを削除</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>レーンを追加</translation>
    </message>
    <message>
        <source>Add Stage Here</source>
        <translation>ここにステージを追加</translation>
    </message>
    <message>
        <source>Lane name:</source>
        <translation>レーン名：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Drop the arrow on a stage to connect.</source>
        <translation>矢印はステージの上で離すと接続されます。</translation>
    </message>
    <message>
        <source>The clipboard does not hold stages SalesDesigner can paste.</source>
        <translation>クリップボードに貼り付けできるステージがありません。</translation>
    </message>
    <message>
        <source>Select at least two stages to align.</source>
        <translation>整列するには2つ以上のステージを選択してください。</translation>
    </message>
    <message>
        <source>Select at least three stages to distribute.</source>
        <translation>等間隔に並べるには3つ以上のステージを選択してください。</translation>
    </message>
    <message>
        <source>Find stages…</source>
        <translation>ステージを検索…</translation>
    </message>
    <message>
        <source>{i} of {n}</source>
        <translation>{i} / {n} 件</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>in the goal</source>
        <translation>目標に一致</translation>
    </message>
    <message>
        <source>in the description</source>
        <translation>説明に一致</translation>
    </message>
    <message>
        <source>in the exit criteria</source>
        <translation>完了条件に一致</translation>
    </message>
    <message>
        <source>in a KPI</source>
        <translation>KPIに一致</translation>
    </message>
    <message>
        <source>in an action</source>
        <translation>アクションに一致</translation>
    </message>
    <message>
        <source>in a talk script</source>
        <translation>トークスクリプトに一致</translation>
    </message>
    <message>
        <source>in a material</source>
        <translation>資料に一致</translation>
    </message>
    <message>
        <source>in a tip</source>
        <translation>コツに一致</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Take Old Value Back</source>
        <translation>元の値に戻す</translation>
    </message>
    <message>
        <source>Put the selected change's value from the compared version back into the document (one undo step)</source>
        <translation>選んだ変更を、比較している版の値に戻します（1回で元に戻せます）</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>左右に並べて表示</translation>
    </message>
    <message>
        <source>Close Comparison</source>
        <translation>比較を終了</translation>
    </message>
    <message>
        <source>Compared with {label}: {n} change(s) in content</source>
        <translation>{label} との比較：内容の変更 {n} 件</translation>
    </message>
    <message>
        <source>Show layout moves ({n})</source>
        <translation>配置の移動も表示（{n} 件）</translation>
    </message>
</context>
<context>
    <name>CompareLegend</name>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Removed (ghost)</source>
        <translation>削除（点線で表示）</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Moved only</source>
        <translation>移動のみ</translation>
    </message>
    <message>
        <source>End the comparison (Esc)</source>
        <translation>比較を終了（Esc）</translation>
    </message>
    <message>
        <source>Compared with {label}</source>
        <translation>{label} との比較</translation>
    </message>
    <message>
        <source>Show layout moves ({n})</source>
        <translation>配置の移動も表示（{n} 件）</translation>
    </message>
</context>
<context>
    <name>CompareMode</name>
    <message>
        <source>Changes</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Take Old Value Back</source>
        <translation>元の値に戻す</translation>
    </message>
    <message>
        <source>Compare With File</source>
        <translation>ファイルと比較</translation>
    </message>
    <message>
        <source>SalesDesigner documents and JSON (*.salesdesign *.json);;All files (*)</source>
        <translation>SalesDesigner ドキュメントと JSON (*.salesdesign *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>比較できません</translation>
    </message>
    <message>
        <source>This document has no published revision yet (Process ▸ Publish Revision…).</source>
        <translation>この文書にはまだ発行済みの版がありません（プロセス ▸ 版を発行…）。</translation>
    </message>
    <message>
        <source>Revision {number}</source>
        <translation>第{number}版</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Remove Actuals</source>
        <translation>実績データの削除</translation>
    </message>
    <message>
        <source>Remove the deal history imported from the CRM ({events} deal events, {imports} imports) from this document? Do this before handing the file to someone who must not see the customers' deals. Edit ▸ Undo brings it back until you close the document.</source>
        <translation>CRMから取り込んだ案件の記録（{events}件、取り込み{imports}回分）をこの文書から削除しますか？顧客の案件を見せてはならない人にファイルを渡す前に行ってください。文書を閉じるまでは「編集 ▸ 元に戻す」で戻せます。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Do you want to save the changes you made to “{name}”?
Your changes will be lost if you don't save them.</source>
        <translation>「{name}」への変更を保存しますか？
保存しないと変更内容は失われます。</translation>
    </message>
    <message>
        <source>SalesDesigner documents (*.salesdesign)</source>
        <translation>SalesDesigner ドキュメント (*.salesdesign)</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>ドキュメントを開く</translation>
    </message>
    <message>
        <source>{name} is already open in another window</source>
        <translation>{name} はすでに別のウィンドウで開いています</translation>
    </message>
    <message>
        <source>Cannot Open Document</source>
        <translation>ドキュメントを開けません</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name} を開きました</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>保存した状態に戻す</translation>
    </message>
    <message>
        <source>Discard all changes and go back to the saved version of “{name}”? This cannot be undone.</source>
        <translation>すべての変更を破棄して、保存済みの「{name}」に戻しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Cannot Revert</source>
        <translation>元に戻せません</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>名前を付けて保存</translation>
    </message>
    <message>
        <source>Cannot Save Document</source>
        <translation>ドキュメントを保存できません</translation>
    </message>
    <message>
        <source>“{name}” is open in another window. Close it there first, or save under another name.</source>
        <translation>「{name}」は別のウィンドウで開いています。先にそのウィンドウで閉じるか、別の名前で保存してください。</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} を保存しました</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>ファイルがディスク上で変更されました</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since you opened it.</source>
        <translation>「{name}」は、開いた後にほかのプログラムによって変更されています。</translation>
    </message>
    <message>
        <source>Overwriting replaces those changes with this window's version. Save As… keeps both.</source>
        <translation>上書き保存すると、その変更はこのウィンドウの内容で置き換えられます。「名前を付けて保存」なら両方を残せます。</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>上書き保存(&amp;O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program. Do you want to reload it?</source>
        <translation>「{name}」はほかのプログラムによって変更されました。再読み込みしますか？</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>{name} を再読み込みしました</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自動保存に失敗しました：{error}</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>未保存の作業を復元しました</translation>
    </message>
    <message>
        <source>JSON interchange files (*.json)</source>
        <translation>JSON 交換ファイル (*.json)</translation>
    </message>
    <message>
        <source>CSV stage lists (*.csv *.txt)</source>
        <translation>CSV ステージ一覧 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>インポートできません</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>{name} をインポートしました</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>エクスポートできません</translation>
    </message>
    <message>
        <source>This export is not available in this installation.</source>
        <translation>このエクスポートは、このインストールでは利用できません。</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>{name} をエクスポートしました</translation>
    </message>
    <message>
        <source>Imported {events} deal events from {name}</source>
        <translation>{name} から商談の記録 {events}件を取り込みました</translation>
    </message>
    <message>
        <source>{name} (without actuals)</source>
        <translation>{name}（実績なし）</translation>
    </message>
    <message>
        <source>Save a Copy Without Actuals</source>
        <translation>実績を除いたコピーを保存</translation>
    </message>
    <message>
        <source>Cannot Save Copy</source>
        <translation>コピーを保存できません</translation>
    </message>
    <message>
        <source>Choose another name: “{name}” is an open document, and this copy must not replace it.</source>
        <translation>別の名前を選んでください。「{name}」は開いているドキュメントなので、このコピーで上書きできません。</translation>
    </message>
    <message>
        <source>Saved {name} without the deal history: you can hand it to reps. This document keeps its actuals.</source>
        <translation>{name} を商談履歴なしで保存しました。営業担当者に渡せます。このドキュメントの実績はそのままです。</translation>
    </message>
    <message>
        <source>Saved {name} with its {events} deal events. To hand the process to reps, use File ▸ Save a Copy Without Actuals…</source>
        <translation>{name} を商談の記録 {events}件と一緒に保存しました。営業担当者に渡すときは「ファイル ▸ 実績を除いたコピーを保存…」を使ってください。</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <source>Process &amp;name:</source>
        <translation>プロセス名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>会社名(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Revision:</source>
        <translation>版(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>通貨(&amp;U)：</translation>
    </message>
    <message>
        <source>Select a stage or an arrow on the canvas to edit it. These are the document's own details.</source>
        <translation>キャンバス上のステージや矢印を選択すると編集できます。ここにはドキュメント自体の情報が表示されています。</translation>
    </message>
    <message>
        <source>Edit Document Details</source>
        <translation>ドキュメント情報を編集</translation>
    </message>
    <message>
        <source>Content &amp;language:</source>
        <translation>内容の言語(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D)：</translation>
    </message>
    <message>
        <source>Change Content Language</source>
        <translation>内容の言語を変更</translation>
    </message>
</context>
<context>
    <name>EditNames</name>
    <message>
        <source>Adopt Observed Move</source>
        <translation>実際の流れを矢印に追加</translation>
    </message>
    <message>
        <source>Import Actuals</source>
        <translation>実績の取り込み</translation>
    </message>
    <message>
        <source>Remove Actuals</source>
        <translation>実績の削除</translation>
    </message>
    <message>
        <source>Change Actuals</source>
        <translation>実績の変更</translation>
    </message>
    <message>
        <source>Bend Arrow</source>
        <translation>矢印を曲げる</translation>
    </message>
    <message>
        <source>Straighten Arrow</source>
        <translation>矢印の折れ点を削除</translation>
    </message>
    <message>
        <source>Move Arrow End</source>
        <translation>矢印の端を移動</translation>
    </message>
    <message>
        <source>Reset Arrow Route</source>
        <translation>矢印の経路をリセット</translation>
    </message>
    <message>
        <source>Arrow Style</source>
        <translation>矢印のスタイル</translation>
    </message>
    <message>
        <source>Add Stage</source>
        <translation>ステージを追加</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>ステージ名を変更</translation>
    </message>
    <message>
        <source>Relabel Arrow</source>
        <translation>矢印のラベルを変更</translation>
    </message>
    <message>
        <source>Reconnect Arrow</source>
        <translation>矢印をつなぎ替え</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>等間隔に配置</translation>
    </message>
    <message>
        <source>Auto Layout</source>
        <translation>自動レイアウト</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>レーンを追加</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>レーン名を変更</translation>
    </message>
    <message>
        <source>Change Lane Colour</source>
        <translation>レーンの色を変更</translation>
    </message>
    <message>
        <source>Move Lane</source>
        <translation>レーンを移動</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>レーンを削除</translation>
    </message>
    <message>
        <source>Resize Lane</source>
        <translation>レーンの高さを変更</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit Stage</source>
        <translation>ステージを編集</translation>
    </message>
    <message>
        <source>Edit Arrow</source>
        <translation>矢印を編集</translation>
    </message>
    <message>
        <source>Edit Lane</source>
        <translation>レーンを編集</translation>
    </message>
    <message>
        <source>Edit Process</source>
        <translation>プロセスを編集</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Remove File</source>
        <translation>ファイルを削除</translation>
    </message>
    <message>
        <source>Restore Revision {number}</source>
        <translation>第{number}版に戻す</translation>
    </message>
    <message>
        <source>Take Back Old Value</source>
        <translation>変更を元の値に戻す</translation>
    </message>
    <message>
        <source>Make It a Tip</source>
        <translation>コツにする</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>Add Script Draft</source>
        <translation>トークスクリプト案を追加</translation>
    </message>
</context>
<context>
    <name>ImportActualsDialog</name>
    <message>
        <source>Import Actuals from the CRM</source>
        <translation>CRMから実績を取り込む</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>ファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Stop Reading</source>
        <translation>読み込みを中止</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Rejected Rows ({count})</source>
        <translation>除外した行（{count}）</translation>
    </message>
    <message>
        <source>Import Actuals</source>
        <translation>実績の取り込み</translation>
    </message>
    <message>
        <source>CRM exports (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>CRMの書き出し (*.csv *.txt *.tsv *.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} を読み込んでいます…</translation>
    </message>
    <message>
        <source>Reading stopped: nothing will be imported.</source>
        <translation>読み込みを中止しました。何も取り込みません。</translation>
    </message>
    <message>
        <source>“{name}” does not exist (any more).</source>
        <translation>「{name}」が見つかりません。</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a CRM export.</source>
        <translation>「{name}」はフォルダです。CRMの書き出しファイルを選んでください。</translation>
    </message>
    <message>
        <source>“{name}” cannot be read: you may not have permission to open it.</source>
        <translation>「{name}」を読み込めません。開く権限がない可能性があります。</translation>
    </message>
    <message>
        <source>“{name}” cannot be imported: it is not a table SalesDesigner can read (a CSV or Excel export with a header row).</source>
        <translation>「{name}」は取り込めません。SalesDesignerが読める表（見出し行のあるCSVまたはExcelの書き出し）ではありません。</translation>
    </message>
    <message>
        <source>Cannot Import Actuals</source>
        <translation>実績を取り込めません</translation>
    </message>
    <message>
        <source>SalesDesigner could not tell which column holds: {fields}. Choose them under Columns (a long export needs a deal id, a stage and a date on every row).</source>
        <translation>次の項目がどの列にあるか判別できませんでした：{fields}。「列」タブで選んでください（縦型の書き出しでは、各行に案件ID・ステージ・日付が必要です）。</translation>
    </message>
    <message>
        <source>Nothing can be imported until those columns are chosen.</source>
        <translation>これらの列を選ぶまで取り込めません。</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>ファイル：{path}</translation>
    </message>
    <message>
        <source>Choose the CRM export to import (CSV or .xlsx).</source>
        <translation>取り込むCRMの書き出しファイル（CSVまたは.xlsx）を選んでください。</translation>
    </message>
    <message>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS（CP932）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excelブック</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>文字コード：{encoding}</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>縦棒</translation>
    </message>
    <message>
        <source>Delimiter: {delimiter}</source>
        <translation>区切り文字：{delimiter}</translation>
    </message>
    <message>
        <source>Shape: {shape}</source>
        <translation>形式：{shape}</translation>
    </message>
    <message>
        <source>{rows} rows</source>
        <translation>{rows}行</translation>
    </message>
    <message>
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Row as written in the file</source>
        <translation>ファイルに書かれている内容</translation>
    </message>
    <message>
        <source>One row per deal: the dates come from the “date entered” column of each stage ({count} columns).</source>
        <translation>案件ごとに1行の形式です。日付は各ステージの「到達日」の列から読みます（{count}列）。</translation>
    </message>
    <message>
        <source>Replace earlier actuals: remove the {held} deal events imported before</source>
        <translation>これまでの実績を置き換える（取り込み済みの記録 {held}件を削除）</translation>
    </message>
    <message>
        <source>Import will add {events} deal events of {deals} deals ({first} – {last}); {new} of these deals are new to this document.</source>
        <translation>{deals}件の案件の記録 {events}件を取り込みます（{first}～{last}）。このうち {new}件は新しい案件です。</translation>
    </message>
    <message>
        <source>No row can be imported: map the CRM stages under Stages or choose the columns under Columns.</source>
        <translation>取り込める行がありません。「ステージ」タブでCRMのステージを対応付けるか、「列」タブで列を選んでください。</translation>
    </message>
    <message>
        <source>All {held} deal events imported before will be removed.</source>
        <translation>取り込み済みの記録 {held}件はすべて削除されます。</translation>
    </message>
    <message>
        <source>{count} of them replace events imported before (same deal, stage and date): nothing is counted twice.</source>
        <translation>そのうち {count}件は取り込み済みの記録（同じ案件・ステージ・日付）を置き換えます。二重には数えません。</translation>
    </message>
    <message>
        <source>{count} rows are rejected and not imported: see Rejected Rows.</source>
        <translation>{count}行は除外し、取り込みません。「除外した行」タブで確認できます。</translation>
    </message>
    <message>
        <source>{count} rows of stages set to be ignored are left out.</source>
        <translation>無視すると決めたステージの {count}行は取り込みません。</translation>
    </message>
    <message>
        <source>Rows: {used} used, {ignored} ignored (stage mapping), {rejected} rejected.</source>
        <translation>行：取り込む {used}行、無視 {ignored}行（ステージの対応づけ）、除外 {rejected}行。</translation>
    </message>
    <message>
        <source>Stage dates: {used} used, {ignored} ignored (stage mapping), {rejected} rejected.</source>
        <translation>ステージの日付：取り込む {used}件、無視 {ignored}件（ステージの対応づけ）、除外 {rejected}件。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Title:</source>
        <translation>タイトル：</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>担当：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>タイミング：</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>やり方：</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Situation:</source>
        <translation>場面：</translation>
    </message>
    <message>
        <source>When to use this script</source>
        <translation>このスクリプトを使う場面</translation>
    </message>
    <message>
        <source>What to say, word for word</source>
        <translation>話す内容をそのまま書いてください</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>スクリプト</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>コツ</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>{n} items selected</source>
        <translation>{n} 個の項目を選択中</translation>
    </message>
    <message>
        <source>Select a single stage or arrow to edit its details.</source>
        <translation>詳細を編集するには、ステージまたは矢印を1つだけ選択してください。</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>ドキュメント</translation>
    </message>
</context>
<context>
    <name>KpiMeasureRow</name>
    <message>
        <source>Measures:</source>
        <translation>測定内容：</translation>
    </message>
    <message>
        <source>What the KPI's actual is computed from, when deal history is imported</source>
        <translation>商談履歴を取り込んだとき、このKPIの実績を何から計算するか</translation>
    </message>
    <message>
        <source>The next stage the conversion counts</source>
        <translation>移行率で数える次のステージ</translation>
    </message>
    <message>
        <source>{id} (no such stage)</source>
        <translation>{id}（存在しないステージ）</translation>
    </message>
</context>
<context>
    <name>KpiTable</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Add KPI</source>
        <translation>KPI を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>How the KPI is measured: what is counted, over which period, from which data</source>
        <translation>KPI の測り方：何を数えるか、どの期間で、どのデータから</translation>
    </message>
    <message>
        <source>Definition of “{name}”:</source>
        <translation>「{name}」の定義：</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>定義：</translation>
    </message>
    <message>
        <source>“{text}” is not a number; the target was not changed.</source>
        <translation>「{text}」は数値ではないため、目標値は変更されませんでした。</translation>
    </message>
    <message>
        <source>Edit KPI</source>
        <translation>KPI を編集</translation>
    </message>
    <message>
        <source>Edit KPI Definition</source>
        <translation>KPI の定義を編集</translation>
    </message>
    <message>
        <source>Edit KPI Measure</source>
        <translation>KPI の測定内容を編集</translation>
    </message>
    <message>
        <source>Remove KPI</source>
        <translation>KPI を削除</translation>
    </message>
    <message>
        <source>Reorder KPIs</source>
        <translation>KPI を並べ替え</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>良い方向</translation>
    </message>
    <message>
        <source>Which way the KPI is good: {higher} (↑) or {lower} (↓)</source>
        <translation>KPI が良いとされる方向：{higher}（↑）または{lower}（↓）</translation>
    </message>
</context>
<context>
    <name>LaneForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N)：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>色：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高さ(&amp;H)：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Stages:</source>
        <translation>ステージ：</translation>
    </message>
    <message>
        <source>e.g. Inside Sales</source>
        <translation>例：インサイドセールス</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Choose any colour</source>
        <translation>任意の色を選択</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>レーンを削除</translation>
    </message>
    <message>
        <source>Delete this lane; its stages stay, below the other lanes (Undo brings it back)</source>
        <translation>このレーンを削除します。ステージは残り、他のレーンの下に移動します（元に戻すで復元できます）</translation>
    </message>
    <message>
        <source>{i} of {n}</source>
        <translation>上から {i} 番目（全 {n}）</translation>
    </message>
    <message>
        <source>1 stage in this lane</source>
        <translation>このレーンのステージ：1 件</translation>
    </message>
    <message>
        <source>{n} stages in this lane</source>
        <translation>このレーンのステージ：{n} 件</translation>
    </message>
    <message>
        <source>Lane Colour</source>
        <translation>レーンの色</translation>
    </message>
    <message>
        <source>Lane deleted. Undo brings it back.</source>
        <translation>レーンを削除しました。元に戻すで復元できます。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>actuals: {events} deal events</source>
        <translation>実績：案件記録 {events}件</translation>
    </message>
    <message>
        <source>Untitled process</source>
        <translation>無題のプロセス</translation>
    </message>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;元のドキュメント&gt;</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>Overview Map</source>
        <translation>全体マップ</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>チェック結果</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Double-click the canvas to add a stage, or use Insert ▸ Stage.
Drag from a stage's round handle to another stage to draw an arrow.</source>
        <translation>キャンバスをダブルクリックするか、「挿入 ▸ ステージ」でステージを追加します。
ステージの右端の丸いハンドルを別のステージまでドラッグすると矢印を引けます。</translation>
    </message>
    <message>
        <source>{stages} stages · {arrows} arrows</source>
        <translation>ステージ {stages} 個 · 矢印 {arrows} 本</translation>
    </message>
    <message>
        <source>No Recent Documents</source>
        <translation>最近使ったドキュメントはありません</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>メニューを消去(&amp;C)</translation>
    </message>
    <message>
        <source>Export Diagram as PNG</source>
        <translation>図を PNG でエクスポート</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export Diagram as SVG</source>
        <translation>図を SVG でエクスポート</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON をエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>Export GraphML</source>
        <translation>GraphML をエクスポート</translation>
    </message>
    <message>
        <source>GraphML files (*.graphml)</source>
        <translation>GraphML ファイル (*.graphml)</translation>
    </message>
    <message>
        <source>Export Manual (PDF)</source>
        <translation>マニュアル (PDF) をエクスポート</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>Export Playbook (HTML)</source>
        <translation>プレイブック (HTML) をエクスポート</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML ページ (*.html)</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>レイアウトをリセットしました</translation>
    </message>
    <message>
        <source>{title} — without the deal data</source>
        <translation>{title}（商談データは含まれません）</translation>
    </message>
    <message>
        <source>Exported {name}. The deal history from the CRM is not in it: exports never carry deal data.</source>
        <translation>{name} を書き出しました。CRMの商談履歴は含まれていません（書き出しに商談データが入ることはありません）。</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>Current performance</source>
        <translation>現状の成績</translation>
    </message>
    <message>
        <source>Add a chapter with the funnel, KPI actuals against targets, the bottleneck and a trend per KPI, from the document's actuals. Aggregates only: no deal, owner or amount is printed.</source>
        <translation>文書の実績から、ファネル・KPIの目標と実績・ボトルネック・KPIごとの推移の章を加えます。集計値だけで、個々の商談・担当者・金額は印刷しません。</translation>
    </message>
    <message>
        <source>The document holds no actuals: import a CRM export first.</source>
        <translation>この文書には実績がありません。先にCRMのエクスポートを取り込んでください。</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Changes since the previous revision</source>
        <translation>前回の版からの変更</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <source>Mark changed chapters</source>
        <translation>変更のある章に印を付ける</translation>
    </message>
    <message>
        <source>Previous Revision</source>
        <translation>前回の版</translation>
    </message>
    <message>
        <source>SalesDesigner documents (*.salesdesign *.json)</source>
        <translation>SalesDesigner 文書 (*.salesdesign *.json)</translation>
    </message>
    <message>
        <source>Export Manual</source>
        <translation>マニュアルをエクスポート</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US レター</translation>
    </message>
    <message>
        <source>Update Preview</source>
        <translation>プレビューを更新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>用紙：</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>レーン：</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF を保存…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>The options changed: click Update Preview.</source>
        <translation>設定が変わりました。「プレビューを更新」を押してください。</translation>
    </message>
    <message>
        <source>Tick at least one lane.</source>
        <translation>レーンを1つ以上選択してください。</translation>
    </message>
    <message>
        <source>Typesetting the manual…</source>
        <translation>マニュアルを組版しています…</translation>
    </message>
    <message>
        <source>The manual could not be typeset ({detail}).</source>
        <translation>マニュアルを組版できませんでした（{detail}）。</translation>
    </message>
    <message>
        <source>The typesetting process could not be started.</source>
        <translation>組版処理を開始できませんでした。</translation>
    </message>
    <message>
        <source>1 page.</source>
        <translation>1 ページ</translation>
    </message>
    <message>
        <source>{n} pages.</source>
        <translation>{n} ページ</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>プリンターを開始できませんでした。</translation>
    </message>
    <message>
        <source>Save Manual</source>
        <translation>マニュアルを保存</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Published revision…</source>
        <translation>発行済みの版…</translation>
    </message>
    <message>
        <source>Revision {number}: {title}</source>
        <translation>第{number}版：{title}</translation>
    </message>
    <message>
        <source>Plan page</source>
        <translation>計画のページ</translation>
    </message>
    <message>
        <source>Add the plan chapter: the deals each stage needs for the goal, the rates used and where each came from (as export pdf --plan-goal adds it).</source>
        <translation>計画の章を加えます：目標に必要な各ステージの案件数、使った率とその出どころ（export pdf --plan-goal と同じ内容）。</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>受注件数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>From the actuals</source>
        <translation>実績から</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>KPIの目標</translation>
    </message>
    <message>
        <source>Actual rates</source>
        <translation>実績の率</translation>
    </message>
    <message>
        <source>Goal as:</source>
        <translation>目標の単位：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目標：</translation>
    </message>
    <message>
        <source>Deal size:</source>
        <translation>受注単価：</translation>
    </message>
    <message>
        <source>Rates from:</source>
        <translation>率の出どころ：</translation>
    </message>
    <message>
        <source>Plan page: {reason}</source>
        <translation>計画のページ：{reason}</translation>
    </message>
</context>
<context>
    <name>MaterialsEditor</name>
    <message>
        <source>Title:</source>
        <translation>タイトル：</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>リンク：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Add Link</source>
        <translation>リンクを追加</translation>
    </message>
    <message>
        <source>Attach File…</source>
        <translation>ファイルを添付…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>the file is larger than 200 MB</source>
        <translation>ファイルが 200 MB を超えています</translation>
    </message>
    <message>
        <source>Cannot Attach File</source>
        <translation>ファイルを添付できません</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <source>The attached file is missing from the document.</source>
        <translation>添付ファイルがドキュメント内に見つかりません。</translation>
    </message>
    <message>
        <source>Only web (http, https) and mail links can be opened.</source>
        <translation>開けるのは Web（http、https）とメールのリンクだけです。</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>New Document</source>
        <translation>新規ドキュメント</translation>
    </message>
    <message>
        <source>Blank document</source>
        <translation>空のドキュメント</translation>
    </message>
    <message>
        <source>An empty canvas: add stages from the Insert menu.</source>
        <translation>空のキャンバスです。［挿入］メニューからステージを追加してください。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Start from nothing.</source>
        <translation>何もない状態から始めます。</translation>
    </message>
    <message>
        <source>Untitled process</source>
        <translation>無題のプロセス</translation>
    </message>
</context>
<context>
    <name>OverviewForm</name>
    <message>
        <source>Stage name</source>
        <translation>ステージ名</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>ステージ名を変更</translation>
    </message>
    <message>
        <source>What this stage must achieve</source>
        <translation>このステージで達成すべきこと</translation>
    </message>
    <message>
        <source>Edit Goal</source>
        <translation>目標を編集</translation>
    </message>
    <message>
        <source>What happens in this stage</source>
        <translation>このステージで行うこと</translation>
    </message>
    <message>
        <source>Edit Description</source>
        <translation>説明を編集</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Exit criterion</source>
        <translation>完了条件</translation>
    </message>
    <message>
        <source>Exit Criterion</source>
        <translation>完了条件</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Lane:</source>
        <translation>レーン(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>目標(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D)：</translation>
    </message>
    <message>
        <source>E&amp;xit criteria:</source>
        <translation>完了条件(&amp;X)：</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>期間(&amp;U)：</translation>
    </message>
    <message>
        <source>(No lane)</source>
        <translation>（レーンなし）</translation>
    </message>
    <message>
        <source>Change Kind</source>
        <translation>種類を変更</translation>
    </message>
    <message>
        <source>Change Lane</source>
        <translation>レーンを変更</translation>
    </message>
    <message>
        <source>Edit Duration</source>
        <translation>期間を編集</translation>
    </message>
</context>
<context>
    <name>PlaybookFollow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Follow a Team Repository Process…</source>
        <translation>チームリポジトリのプロセスをフォロー(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Check for a Newer Revision</source>
        <translation>新しい版を確認(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Password of %1 for the team repository at %2:</source>
        <translation>チームリポジトリ %2 の %1 のパスワード：</translation>
    </message>
    <message>
        <source>The password was refused.</source>
        <translation>パスワードが受け付けられませんでした。</translation>
    </message>
    <message>
        <source>Team Repository Password</source>
        <translation>チームリポジトリのパスワード</translation>
    </message>
    <message>
        <source>This is not a team repository process.</source>
        <translation>チームリポジトリのプロセスではありません。</translation>
    </message>
    <message>
        <source>Follow a Team Repository Process</source>
        <translation>チームリポジトリのプロセスをフォロー</translation>
    </message>
    <message>
        <source>The process's address in the team repository, postgresql://USER@HOST:PORT/DATABASE/PROCESS_ID
(the reader shows its latest published revision and keeps a copy for offline use):</source>
        <translation>チームリポジトリでのプロセスのアドレス（postgresql://ユーザー@ホスト:ポート/データベース/プロセスID）
（リーダーは最新の発行版を表示し、オフラインでも読めるようにこの端末に保存します）：</translation>
    </message>
</context>
<context>
    <name>PlaybookWindow</name>
    <message>
        <source>Cannot open the playbook.</source>
        <translation>プレイブックを開けません。</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>戻る (Alt+←)</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>進む (Alt+→)</translation>
    </message>
    <message>
        <source>Read-only playbook</source>
        <translation>閲覧専用プレイブック</translation>
    </message>
    <message>
        <source>Lane:</source>
        <translation>レーン：</translation>
    </message>
    <message>
        <source>Search the playbook (Ctrl+F)</source>
        <translation>プレイブックを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ctrl+F search · Alt+← / Alt+→ back and forward · Ctrl+[ / Ctrl+] previous and next stage</source>
        <translation>Ctrl+F 検索 · Alt+← / Alt+→ 戻る・進む · Ctrl+[ / Ctrl+] 前後のステージ</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>プレイブック</translation>
    </message>
    <message>
        <source>All lanes</source>
        <translation>すべてのレーン</translation>
    </message>
    <message>
        <source>Stages in process order: %1</source>
        <translation>プロセス順のステージ：%1</translation>
    </message>
    <message>
        <source>This playbook has no stages yet.</source>
        <translation>このプレイブックにはまだステージがありません。</translation>
    </message>
    <message>
        <source>No stage in this lane.</source>
        <translation>このレーンにはステージがありません。</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>検索結果：%1</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>見つかりませんでした</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard</source>
        <translation>「%1」をクリップボードにコピーしました</translation>
    </message>
    <message>
        <source>The embedded file for “%1” is missing.</source>
        <translation>「%1」の添付ファイルが見つかりません。</translation>
    </message>
    <message>
        <source>Cannot open “%1”: only web, mail and file links can be opened.</source>
        <translation>「%1」を開けません：開けるのは Web・メール・ファイルのリンクだけです。</translation>
    </message>
    <message>
        <source>Cannot open the file: %1</source>
        <translation>ファイルを開けません：%1</translation>
    </message>
    <message>
        <source>No application could open this material.</source>
        <translation>この資料を開けるアプリケーションがありません。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>The whole window switches language as soon as you click OK; your document and its undo history stay as they are.</source>
        <translation>OK を押すとすぐにウィンドウ全体の言語が切り替わります。編集中のドキュメントと元に戻す履歴はそのまま残ります。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Autosave unsaved work every:</source>
        <translation>未保存の作業を自動保存する間隔(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RecordListEditor</name>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Edit {item}</source>
        <translation>{item}を編集</translation>
    </message>
    <message>
        <source>Add {item}</source>
        <translation>{item}を追加</translation>
    </message>
    <message>
        <source>Remove {item}</source>
        <translation>{item}を削除</translation>
    </message>
    <message>
        <source>Reorder {item}</source>
        <translation>{item}を並べ替え</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Cannot Recover</source>
        <translation>復元できません</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>SalesDesigner did not close properly. Unsaved work on the documents below was kept. Choose what to do with each one:</source>
        <translation>SalesDesigner は正常に終了しませんでした。以下のドキュメントの未保存の作業が保管されています。それぞれの扱いを選んでください。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Autosaved</source>
        <translation>自動保存日時</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>扱い</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>unsaved new document</source>
        <translation>保存されていない新規ドキュメント</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>復元する</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄する</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>後で決める</translation>
    </message>
    <message>
        <source>Action for {name}</source>
        <translation>{name} の扱い</translation>
    </message>
    <message>
        <source>Recovered documents open in their own windows. Discarded work is deleted permanently; work you decide on later is kept and offered again at the next start.</source>
        <translation>復元したドキュメントはそれぞれ別のウィンドウで開きます。破棄した作業は完全に削除されます。「後で決める」にした作業は保管され、次回の起動時にもう一度表示されます。</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>続行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Decide All Later</source>
        <translation>すべて後で決める(&amp;D)</translation>
    </message>
    <message>
        <source>Discard Unsaved Work</source>
        <translation>未保存の作業の破棄</translation>
    </message>
    <message>
        <source>The unsaved work of this document will be deleted permanently. This cannot be undone.</source>
        <translation>このドキュメントの未保存の作業を完全に削除します。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>The unsaved work of {count} documents will be deleted permanently. This cannot be undone.</source>
        <translation>{count} 件のドキュメントの未保存の作業を完全に削除します。この操作は元に戻せません。</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <source>Stage before/after this one in process order (%1)</source>
        <translation>プロセス順で前後のステージ（%1）</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Side by Side: {label} and the current document</source>
        <translation>左右比較：{label} と現在のドキュメント</translation>
    </message>
    <message>
        <source>Current document</source>
        <translation>現在のドキュメント</translation>
    </message>
</context>
<context>
    <name>StageMappingTable</name>
    <message>
        <source>CRM stage</source>
        <translation>CRMのステージ</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Process stage</source>
        <translation>プロセスのステージ</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>対応の根拠</translation>
    </message>
    <message>
        <source>— not mapped (rows rejected) —</source>
        <translation>― 未対応（行は除外） ―</translation>
    </message>
    <message>
        <source>Ignore these rows</source>
        <translation>これらの行は無視する</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy this script to the clipboard</source>
        <translation>このスクリプトをクリップボードにコピー</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>コピーしました ✓</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Open this material</source>
        <translation>この資料を開く</translation>
    </message>
</context>
<context>
    <name>TransitionForm</name>
    <message>
        <source>e.g. Yes, Budget confirmed</source>
        <translation>例：はい、予算確認済み</translation>
    </message>
    <message>
        <source>Edit Arrow Label</source>
        <translation>矢印のラベルを編集</translation>
    </message>
    <message>
        <source>When does a deal take this path?</source>
        <translation>商談がこの経路に進むのはどんなときですか？</translation>
    </message>
    <message>
        <source>Edit Arrow Condition</source>
        <translation>矢印の条件を編集</translation>
    </message>
    <message>
        <source>From → to:</source>
        <translation>接続：</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>ラベル(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>条件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>スタイル(&amp;S)：</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>経路：</translation>
    </message>
    <message>
        <source>As the document ({style})</source>
        <translation>文書と同じ（{style}）</translation>
    </message>
    <message>
        <source>Curved</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>直角</translation>
    </message>
    <message>
        <source>Straight</source>
        <translation>直線</translation>
    </message>
    <message>
        <source>&amp;Reset Route</source>
        <translation>経路をリセット(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the bend points and let the arrow's ends be chosen automatically again</source>
        <translation>折れ点を削除し、矢印の端を自動で決める状態に戻します</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Bend points: {bends} · ends you placed: {ends}</source>
        <translation>折れ点：{bends} 個 · 位置を決めた端：{ends} 個</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Errors: {errors} · Warnings: {warnings} · Hints: {hints}</source>
        <translation>エラー {errors} 件、警告 {warnings} 件、ヒント {hints} 件</translation>
    </message>
</context>
<context>
    <name>Revisions</name>
    <message>
        <source>Cannot Publish Revision</source>
        <translation>版を発行できません</translation>
    </message>
    <message>
        <source>Published revision {number} “{title}”</source>
        <translation>第{number}版「{title}」を発行しました</translation>
    </message>
    <message>
        <source>Cannot Restore Revision</source>
        <translation>版に戻せません</translation>
    </message>
    <message>
        <source>Revision {number} is the draft now; Edit ▸ Undo takes it back.</source>
        <translation>第{number}版を下書きにしました。編集 ▸ 元に戻す で取り消せます。</translation>
    </message>
    <message>
        <source>Cannot Open Revision</source>
        <translation>版を開けません</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to Team Repository</source>
        <translation>チームリポジトリに発行</translation>
    </message>
    <message>
        <source>Publishing saves your changes to the team repository, then makes this version the one trainers and reps see, unchangeable. The team's deal data is not part of a revision.</source>
        <translation>発行すると変更をチームリポジトリに保存し、このバージョンを変更できない版として、トレーナーと営業担当者に見せます。チームの商談データは版に含まれません。</translation>
    </message>
    <message>
        <source>Publish Revision</source>
        <translation>版を発行</translation>
    </message>
    <message>
        <source>e.g. New proposal scripts, Q2 targets</source>
        <translation>例：提案トークの刷新、第2四半期の目標</translation>
    </message>
    <message>
        <source>Why this revision: what the numbers showed, what changed for the team</source>
        <translation>この版を出す理由：数字から見えたこと、チームにとって何が変わるか</translation>
    </message>
    <message>
        <source>Publishing saves the document and keeps this version of the process in it, unchangeable. The team's deal data is not part of a revision.</source>
        <translation>発行すると文書を保存し、現在のプロセスを変更できない版として文書内に残します。チームの商談データは版に含まれません。</translation>
    </message>
    <message>
        <source>Revision number:</source>
        <translation>版番号：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル：</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>発行日時：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>発行者：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>発行</translation>
    </message>
</context>
<context>
    <name>RevisionListDialog</name>
    <message>
        <source>Revisions of {name}</source>
        <translation>{name} の版</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>読み取り専用で開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Restore as Draft</source>
        <translation>下書きに戻す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Publish Revision…</source>
        <translation>版を発行(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>This document has never been published. Publish a revision to keep the process as it is now.</source>
        <translation>この文書はまだ一度も発行されていません。版を発行すると、現在のプロセスをそのまま残せます。</translation>
    </message>
    <message>
        <source>The draft is revision {number}, unchanged.</source>
        <translation>下書きは第{number}版のままです（変更なし）。</translation>
    </message>
    <message>
        <source>The draft has changed since revision {number}.</source>
        <translation>下書きは第{number}版から変更されています。</translation>
    </message>
    <message>
        <source>&amp;Compare With Draft</source>
        <translation>下書きと比較(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RevisionWindow</name>
    <message>
        <source>Revision {number} of {name} (read-only)</source>
        <translation>{name} の第{number}版（読み取り専用）</translation>
    </message>
    <message>
        <source>Restore as Draft</source>
        <translation>下書きに戻す</translation>
    </message>
    <message>
        <source>Revision {number} “{title}”, published {date} by {author}.</source>
        <translation>第{number}版「{title}」（{date} 発行、{author}）</translation>
    </message>
    <message>
        <source>Revision {number} “{title}”, published {date}.</source>
        <translation>第{number}版「{title}」（{date} 発行）</translation>
    </message>
    <message>
        <source>Not changed: a published revision cannot be edited. To change it, restore it as the draft and edit the draft.</source>
        <translation>変更されていません：発行済みの版は編集できません。変更するには、この版を下書きに戻してから下書きを編集してください。</translation>
    </message>
    <message>
        <source>Read-only: a published revision cannot be edited.</source>
        <translation>読み取り専用：発行済みの版は編集できません。</translation>
    </message>
    <message>
        <source>Revision {number} is read-only: nothing was changed.</source>
        <translation>第{number}版は読み取り専用です。何も変更されていません。</translation>
    </message>
</context>
<context>
    <name>OwnersView</name>
    <message>
        <source>Analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>Make It a Tip for Everyone</source>
        <translation>全員のコツにする</translation>
    </message>
    <message>
        <source>Add the selected finding to its stage as a tip, a note or a talk-script draft (it names no one; you can reword it first)</source>
        <translation>選んだ差を、そのステージのコツ・メモ・トークスクリプト案として追加します（個人名は入りません。追加する前に書き直せます）</translation>
    </message>
    <message>
        <source>As a &amp;Tip…</source>
        <translation>コツとして(&amp;T)…</translation>
    </message>
    <message>
        <source>As a &amp;Note…</source>
        <translation>メモとして(&amp;N)…</translation>
    </message>
    <message>
        <source>As a &amp;Script Draft…</source>
        <translation>トークスクリプト案として(&amp;S)…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>This document holds no deal history with owners. Import the CRM's export (File ▸ Import) with its owner column to compare the reps.</source>
        <translation>この文書には担当者つきの商談履歴がありません。担当者の列を含むCRMのエクスポートを取り込むと（ファイル ▸ インポート）、担当者を比べられます。</translation>
    </message>
    <message>
        <source>Anonymise Owners?</source>
        <translation>担当者名を伏せますか？</translation>
    </message>
    <message>
        <source>Owner names are confidential. Replace them with Rep A, Rep B … in what you export or print?</source>
        <translation>担当者名は社外秘です。書き出しや印刷では「担当A」「担当B」…に置き換えますか？</translation>
    </message>
    <message>
        <source>Export Top Performers</source>
        <translation>担当者別の成績を書き出す</translation>
    </message>
    <message>
        <source>Text (*.txt);;JSON (*.json)</source>
        <translation>テキスト (*.txt);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>書き出せません</translation>
    </message>
</context>
<context>
    <name>PerformanceViews</name>
    <message>
        <source>Top Performers</source>
        <translation>担当者別の成績</translation>
    </message>
    <message>
        <source>The document holds no deal history: import the CRM's export first</source>
        <translation>この文書には商談の履歴がありません。先にCRMのエクスポートを取り込んでください</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <source>Win probability and forecast</source>
        <translation>受注確率と着地予測</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>もしも（what-if）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Set this rate by hand: the forecast and the chances on the canvas follow (the document is not changed)</source>
        <translation>この移行率を手で設定します。着地予測とキャンバス上の受注確率が連動します（ドキュメントは変更されません）</translation>
    </message>
    <message>
        <source>Show the plan on the canvas</source>
        <translation>計画をキャンバスに表示</translation>
    </message>
    <message>
        <source>The deals each stage and arrow needs for the goal set in Process ▸ Plan… (10 won deals until one is set); the rate above moves it</source>
        <translation>「プロセス ▸ 計画…」で設定した目標に必要な、各ステージ・各矢印の案件数（未設定なら受注10件）。上の率を動かすと計画も動きます</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>計画…</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日付の範囲</translation>
    </message>
    <message>
        <source>This document holds no deal history. Import the CRM's export (File ▸ Import) to compare the process with what happened.</source>
        <translation>この文書には商談の履歴がありません。CRMのエクスポートを取り込むと（ファイル ▸ インポート）、プロセスと実績を比べられます。</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>滞在日数</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>Showing the {shown} longest-stalled of {total} deals.</source>
        <translation>停滞の長い {shown}件を表示しています（全 {total}件）。</translation>
    </message>
    <message>
        <source>Stalled deals ({n})</source>
        <translation>停滞している商談（{n}件）</translation>
    </message>
</context>
<context>
    <name>DiscoveryPanel</name>
    <message>
        <source>Move</source>
        <translation>移行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商談数</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>日数の中央値</translation>
    </message>
    <message>
        <source>Add to Design</source>
        <translation>図に追加</translation>
    </message>
    <message>
        <source>Draw this move as an arrow of the process (undoable)</source>
        <translation>この移行をプロセスの矢印として描きます（元に戻せます）</translation>
    </message>
    <message>
        <source>Show Deals…</source>
        <translation>商談を表示…</translation>
    </message>
    <message>
        <source>Moves made at least: %1</source>
        <translation>表示する移行：%1回以上</translation>
    </message>
    <message>
        <source>The document holds no deal history.</source>
        <translation>この文書には商談の履歴がありません。</translation>
    </message>
</context>
<context>
    <name>DealsDialog</name>
    <message>
        <source>Deal</source>
        <translation>商談ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>商談名</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>DiscoveryViews</name>
    <message>
        <source>Add to Design as an Arrow</source>
        <translation>矢印として図に追加</translation>
    </message>
    <message>
        <source>Show the Deals That Took It…</source>
        <translation>この流れをたどった商談を表示…</translation>
    </message>
    <message>
        <source>Deals: %1 → %2</source>
        <translation>商談：%1 → %2</translation>
    </message>
    <message>
        <source>The document holds no deal history: import the CRM's export first</source>
        <translation>この文書には商談の履歴がありません。先にCRMのエクスポートを取り込んでください</translation>
    </message>
    <message>
        <source>Draw the flow the deals really took against the design</source>
        <translation>商談が実際にたどった流れを設計と重ねて描きます</translation>
    </message>
    <message>
        <source>Discovered &amp;Flow</source>
        <translation>実際の流れ(&amp;F)</translation>
    </message>
    <message>
        <source>Discovered Flow</source>
        <translation>実際の流れ</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan: the activity the goal needs</source>
        <translation>計画：目標に必要な活動量</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>受注件数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>KPIの目標</translation>
    </message>
    <message>
        <source>Actual rates</source>
        <translation>実績の率</translation>
    </message>
    <message>
        <source>From the actuals</source>
        <translation>実績から</translation>
    </message>
    <message>
        <source>Goal as</source>
        <translation>目標の単位</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Deal size</source>
        <translation>1件あたりの受注額</translation>
    </message>
    <message>
        <source>Rates from</source>
        <translation>率の出どころ</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>稼働日</translation>
    </message>
    <message>
        <source>People per lane</source>
        <translation>レーンの人数</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Closed here</source>
        <translation>ここで終了</translation>
    </message>
    <message>
        <source>A day per person</source>
        <translation>1人1日あたり</translation>
    </message>
    <message>
        <source>Chance to win</source>
        <translation>受注確率</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>率（%）</translation>
    </message>
    <message>
        <source>Rate from</source>
        <translation>率の根拠</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Reset Edited Rates</source>
        <translation>編集した率を元に戻す</translation>
    </message>
    <message>
        <source>People per lane must be numbers: {0!r}.</source>
        <translation>レーンの人数は数字で入力してください：{0!r}</translation>
    </message>
    <message>
        <source>A rate is a number of percent, 0 to 100.</source>
        <translation>率は0〜100のパーセントで入力してください。</translation>
    </message>
    <message>
        <source>Show on the canvas</source>
        <translation>キャンバスに表示</translation>
    </message>
    <message>
        <source>Write the deals each stage and arrow needs on the performance overlay; the what-if slider in the dashboard moves them</source>
        <translation>各ステージ・各矢印に必要な案件数を実績オーバーレイに表示します。ダッシュボードの what-if スライダーで動きます</translation>
    </message>
</context>
<context>
    <name>TeamRepository</name>
    <message>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Team Repository</source>
        <translation>チームリポジトリ</translation>
    </message>
    <message>
        <source>Cancelled waiting for the team repository</source>
        <translation>チームリポジトリの応答待ちを取り消しました</translation>
    </message>
    <message>
        <source>Asking {where} for its processes…</source>
        <translation>{where} のプロセス一覧を取得しています…</translation>
    </message>
    <message>
        <source>Opening the process from {where}…</source>
        <translation>{where} からプロセスを開いています…</translation>
    </message>
    <message>
        <source>Saving {name} to {where}…</source>
        <translation>{name} を {where} に保存しています…</translation>
    </message>
    <message>
        <source>The cancelled save reached the team repository after all (version {version})</source>
        <translation>取り消した保存は結局チームリポジトリに届きました(バージョン {version})</translation>
    </message>
    <message>
        <source>Fetching their version from {where}…</source>
        <translation>{where} から相手のバージョンを取得しています…</translation>
    </message>
    <message>
        <source>Publishing {name} to {where}…</source>
        <translation>{name} を {where} に発行しています…</translation>
    </message>
    <message>
        <source>The cancelled publishing reached the team repository after all: revision {number} “{title}”</source>
        <translation>取り消した発行は結局チームリポジトリに届きました：版 {number}「{title}」</translation>
    </message>
    <message>
        <source>Published revision {number} “{title}” to the team repository</source>
        <translation>版 {number}「{title}」をチームリポジトリに発行しました</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Save a Local Copy</source>
        <translation>ローカルにコピーを保存</translation>
    </message>
    <message>
        <source>Cannot Save Local Copy</source>
        <translation>ローカルコピーを保存できません</translation>
    </message>
    <message>
        <source>Choose another name: “{name}” is an open document, and this copy must not replace it.</source>
        <translation>別の名前を選んでください：「{name}」は開いている文書のため、このコピーで置き換えられません。</translation>
    </message>
    <message>
        <source>Saved a local copy as {name}; this window still saves to the team repository</source>
        <translation>ローカルコピーを {name} として保存しました。このウィンドウは引き続きチームリポジトリに保存します</translation>
    </message>
    <message>
        <source>{name} — Team Repository {where}</source>
        <translation>{name} — チームリポジトリ {where}</translation>
    </message>
    <message>
        <source>Being Edited</source>
        <translation>編集中</translation>
    </message>
    <message>
        <source>{who} said they are editing this process (until {until}). You can still edit it: if they save first, your save offers to reload, save a copy or compare.</source>
        <translation>{who} さんがこのプロセスを編集中です({until} まで)。編集はできます。先に保存された場合は、保存時に「再読み込み」「コピーとして保存」「比較」を選べます。</translation>
    </message>
    <message>
        <source>Opened {name} from the team repository</source>
        <translation>チームリポジトリから {name} を開きました</translation>
    </message>
    <message>
        <source>Saved {name} to the team repository (version {version})</source>
        <translation>{name} をチームリポジトリに保存しました(バージョン {version})</translation>
    </message>
    <message>
        <source>Reloaded version {version}; your version is kept in a new window</source>
        <translation>バージョン {version} を再読み込みしました。あなたの版は新しいウィンドウに残してあります</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}(コピー)</translation>
    </message>
    <message>
        <source>Repository version {version} ({who})</source>
        <translation>リポジトリのバージョン {version}({who})</translation>
    </message>
    <message>
        <source>Team Repository Password</source>
        <translation>チームリポジトリのパスワード</translation>
    </message>
    <message>
        <source>Password for {user} at {where}:</source>
        <translation>{where} の {user} のパスワード:</translation>
    </message>
    <message>
        <source>Cannot Reach the Repository Server</source>
        <translation>リポジトリのサーバーに接続できません</translation>
    </message>
    <message>
        <source>Authentication Failed</source>
        <translation>認証に失敗しました</translation>
    </message>
    <message>
        <source>Permission Denied</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <source>Connection Lost</source>
        <translation>接続が切れました</translation>
    </message>
    <message>
        <source>Team Repository Error</source>
        <translation>チームリポジトリのエラー</translation>
    </message>
    <message>
        <source>No Team Repository</source>
        <translation>チームリポジトリが未設定です</translation>
    </message>
    <message>
        <source>Set up the team repository's server, database and user first (File ▸ Preferences…).</source>
        <translation>先にチームリポジトリのサーバー、データベース、ユーザーを設定してください(ファイル ▸ 環境設定…)。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone Else Saved First</source>
        <translation>他の人が先に保存しました</translation>
    </message>
    <message>
        <source>{who} saved this process at {when} (version {theirs}) after you opened version {yours}. Nothing was saved.</source>
        <translation>あなたがバージョン {yours} を開いた後、{who} さんが {when} にこのプロセスを保存しました(バージョン {theirs})。保存は行われていません。</translation>
    </message>
    <message>
        <source>Compare: see their changes beside yours and take what you need across; your next save then replaces their version.
Save as a Copy: your version becomes a new process in the repository.
Reload: their version opens here, yours stays open in a new window.</source>
        <translation>比較: 相手の変更をあなたの版と並べて確認し、必要な変更を取り込めます。次に保存すると相手の版を置き換えます。
コピーとして保存: あなたの版をリポジトリの新しいプロセスとして保存します。
再読み込み: 相手の版をここに開き、あなたの版は新しいウィンドウに残します。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Save as a &amp;Copy</source>
        <translation>コピーとして保存(&amp;C)</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>比較(&amp;M)</translation>
    </message>
</context>
<context>
    <name>RepositoryOpenDialog</name>
    <message>
        <source>Open from Team Repository</source>
        <translation>チームリポジトリから開く</translation>
    </message>
    <message>
        <source>Processes in {where}</source>
        <translation>{where} のプロセス</translation>
    </message>
    <message>
        <source>The repository holds no process you may open yet. An editor puts one there with File ▸ Save to Team Repository or salesdesigner repo push.</source>
        <translation>このリポジトリには、開けるプロセスがまだありません。編集者が「ファイル ▸ チームリポジトリに保存」または salesdesigner repo push で登録します。</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>プロセス</translation>
    </message>
    <message>
        <source>Last saved by</source>
        <translation>最終保存者</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Latest revision</source>
        <translation>最新の改訂版</translation>
    </message>
    <message>
        <source>Being edited by</source>
        <translation>編集中の人</translation>
    </message>
</context>
<context>
    <name>ConnectionFields</name>
    <message>
        <source>Team Repository (PostgreSQL)</source>
        <translation>チームリポジトリ(PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更しない</translation>
    </message>
    <message>
        <source>The password is kept in the system's credential store.</source>
        <translation>パスワードはシステムの資格情報ストアに保管されます。</translation>
    </message>
    <message>
        <source>No credential store is installed: the password is asked once per session and never written to disk.</source>
        <translation>資格情報ストアがインストールされていないため、パスワードは起動ごとに一度だけ尋ね、ディスクには書き込みません。</translation>
    </message>
</context>
</TS>