<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BasicInfoForm</name>
    <message>
        <source>Organising unit (承办单位)</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Gathering place</source>
        <translation>集合地点</translation>
    </message>
    <message>
        <source>Gathering time</source>
        <translation>集合时间</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Reminders (温馨提示)</source>
        <translation>温馨提示</translation>
    </message>
    <message>
        <source>e.g. 西吉县审批服务管理局</source>
        <translation>例如：西吉县审批服务管理局</translation>
    </message>
    <message>
        <source>e.g. 深入推进审批服务便民化</source>
        <translation>例如：深入推进审批服务便民化</translation>
    </message>
    <message>
        <source>e.g. 西吉县政务服务大厅</source>
        <translation>例如：西吉县政务服务大厅</translation>
    </message>
    <message>
        <source>e.g. 政务服务大厅一楼正门</source>
        <translation>例如：政务服务大厅一楼正门</translation>
    </message>
    <message>
        <source>e.g. 0954-3018118 or 13812345678</source>
        <translation>例如：0954-3018118 或 13812345678</translation>
    </message>
    <message>
        <source>e.g. name@example.com</source>
        <translation>例如：name@example.com</translation>
    </message>
    <message>
        <source>What invitees should bring and know, one point per line</source>
        <translation>参加人员需携带、需知道的事项，每行一条</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Time and place</source>
        <translation>时间地点</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Reminders for invitees</source>
        <translation>温馨提示</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>已于 {time} 自动保存</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>还有 {days} 天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>就是明天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>已过去 1 天</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>已过去 {days} 天</translation>
    </message>
    <message>
        <source>today</source>
        <translation>就是今天</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>DuplicateEventDialog</name>
    <message>
        <source>Duplicate event</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <source>The copy keeps the plan, invitee categories, staff, leading group, duties, route and questionnaire of “{title}”. People, check-ins, notes and suggestions are not copied.</source>
        <translation>新活动沿用“{title}”的方案、邀请对象类别、工作人员、领导小组、人员分工、参观路线和问卷；报名人员、签到、座谈记录和意见建议不复制。</translation>
    </message>
    <message>
        <source>New &amp;date:</source>
        <translation>新日期(&amp;D)：</translation>
    </message>
    <message>
        <source>New &amp;title:</source>
        <translation>新名称(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong: {error}.

Your data is saved. The details were written to the log file:
{log}

Please send that file to your IT support.</source>
        <translation>程序出现意外错误：{error}。

已录入的数据均已保存。详细信息已写入日志文件：
{log}

请将该文件发给信息技术人员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open Day Desk</source>
        <translation>政府开放日工作台</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>当前活动(&amp;E)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate event to a new date…</source>
        <translation>复制活动到新日期(&amp;D)…</translation>
    </message>
    <message>
        <source>De&amp;lete event…</source>
        <translation>删除活动(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Restore a deleted event…</source>
        <translation>恢复已删除的活动(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>New data&amp;base…</source>
        <translation>新建数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Open Day Desk</source>
        <translation>关于政府开放日工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <source>Created “{title}”.</source>
        <translation>已新建“{title}”。</translation>
    </message>
    <message>
        <source>The demo event was added. Its people are fictional.</source>
        <translation>已添加示例活动，其中人员均为虚构。</translation>
    </message>
    <message>
        <source>Copied to “{title}”.</source>
        <translation>已复制为“{title}”。</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “{label}”?

It disappears from the list; File ▸ Restore a deleted event brings it back.</source>
        <translation>确定删除“{label}”吗？

删除后不再显示在列表中；可通过“文件 ▸ 恢复已删除的活动”找回。</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已删除“{title}”。</translation>
    </message>
    <message>
        <source>Restore a deleted event</source>
        <translation>恢复已删除的活动</translation>
    </message>
    <message>
        <source>No event has been deleted.</source>
        <translation>没有已删除的活动。</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation>备份文件未能写入：{error}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Open Day Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>开放日工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Plans, rosters, routes, check-in, feedback and filing for a Government Open Day.&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside} · SQLite {sqlite}&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Data folder: {data}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;政府开放日的方案、名单、路线、签到、意见办理和归档。&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside} · SQLite {sqlite}&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;br&gt;数据文件夹：{data}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Open Day Desk</source>
        <translation>关于政府开放日工作台</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>e.g. 西吉县审批服务管理局</source>
        <translation>例如：西吉县审批服务管理局</translation>
    </message>
    <message>
        <source>e.g. 深入推进审批服务便民化</source>
        <translation>例如：深入推进审批服务便民化</translation>
    </message>
    <message>
        <source>Organising &amp;unit:</source>
        <translation>承办单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>活动日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>活动名称(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>活动主题(&amp;H)：</translation>
    </message>
    <message>
        <source>Everything can be changed later in the Plan tab.</source>
        <translation>以上内容之后都可在“方案”页修改。</translation>
    </message>
</context>
<context>
    <name>RestoreEventDialog</name>
    <message>
        <source>Restore a deleted event</source>
        <translation>恢复已删除的活动</translation>
    </message>
    <message>
        <source>Deleted events:</source>
        <translation>已删除的活动：</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>{message}

Restore the newest backup ({backup})? The damaged file is kept beside it under a new name.</source>
        <translation>{message}

是否用最新的自动备份（{backup}）恢复？损坏的文件会改名后保留在原文件夹中。</translation>
    </message>
    <message>
        <source>Open Day Desk</source>
        <translation>政府开放日工作台</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Open Day Desk</source>
        <translation>政府开放日工作台</translation>
    </message>
    <message>
        <source>There is no event in this database yet. Start a new Open Day, or look around in the demo event first.</source>
        <translation>这个数据库里还没有活动。可以新建一次政府开放日活动，也可以先打开示例活动看看。</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo event</source>
        <translation>打开示例活动(&amp;D)</translation>
    </message>
    <message>
        <source>Open another &amp;database…</source>
        <translation>打开其他数据库(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>The database {path} does not exist. Check the path, or create it with &apos;openday demo --db {path}&apos; or by opening it in the app.</source>
        <translation>数据库 {path} 不存在。请检查路径，或用“openday demo --db {path}”创建，或在程序中打开它。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command ({error}). Details are in the log file {log}.</source>
        <translation>命令因意外错误中止（{error}）。详细信息见日志文件 {log}。</translation>
    </message>
    <message>
        <source>Enter the organising unit (承办单位).</source>
        <translation>请填写承办单位。</translation>
    </message>
    <message>
        <source>Enter the event&apos;s title.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>Enter where the event takes place.</source>
        <translation>请填写活动地点。</translation>
    </message>
    <message>
        <source>The end time must be after the start time.</source>
        <translation>结束时间应晚于开始时间。</translation>
    </message>
    <message>
        <source>People gather after the event has started: set the gathering time before the start time.</source>
        <translation>集合时间晚于活动开始时间：请把集合时间设在开始时间之前。</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address (name@example.com).</source>
        <translation>邮箱地址格式不对（应类似 name@example.com）。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters (or 15 digits for an old one).</source>
        <translation>身份证号应为18位（旧证为15位数字）。</translation>
    </message>
    <message>
        <source>An ID number has only digits, and X as its last character.</source>
        <translation>身份证号只能由数字组成，最后一位可以是X。</translation>
    </message>
    <message>
        <source>The birth date inside the ID number does not exist.</source>
        <translation>身份证号中的出生日期不存在。</translation>
    </message>
    <message>
        <source>The last character of the ID number does not match the others: check it for a typing error.</source>
        <translation>身份证号末位校验码不符：请检查是否录错。</translation>
    </message>
    <message>
        <source>The ID number looks like Excel changed it into a number (e.g. 6.40422E+17) and lost its last digits: take it from the original form; it cannot be repaired.</source>
        <translation>身份证号像是被Excel转成了数字（如6.40422E+17），后几位已经丢失：请从原始报名表重新录入，无法自动修复。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number (e.g. 13812345678) or a landline with its area code (e.g. 0954-3018118).</source>
        <translation>请填写11位手机号（如13812345678）或带区号的固定电话（如0954-3018118）。</translation>
    </message>
    <message>
        <source>There is no event with id {event_id} in this database. Run &apos;openday events --json&apos; to list the events.</source>
        <translation>数据库中没有编号为 {event_id} 的活动。可用“openday events --json”列出全部活动。</translation>
    </message>
    <message>
        <source>Enter the organising unit (承办单位) of the new event.</source>
        <translation>请填写新活动的承办单位。</translation>
    </message>
    <message>
        <source>The event has no field named &apos;{field}&apos;.</source>
        <translation>活动没有名为“{field}”的字段。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 2024-09-28.</source>
        <translation>“{value}”不是日期，请写成 2024-09-28 的格式。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day; write it as 09:30.</source>
        <translation>“{value}”不是时间，请写成 09:30 的格式。</translation>
    </message>
    <message>
        <source>Cannot create the database {path}: the folder does not exist. Choose an existing folder.</source>
        <translation>无法创建数据库 {path}：所在文件夹不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write to {path}: the file or its folder is read-only. Choose a folder you can write to, or copy the file there.</source>
        <translation>无法写入 {path}：文件或其所在文件夹是只读的。请选择可写的文件夹，或把文件复制过去。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file. Give the path of a .sqlite3 file.</source>
        <translation>{path} 是文件夹，不是数据库文件。请指定一个 .sqlite3 文件。</translation>
    </message>
    <message>
        <source>{path} is not an Open Day Desk database (it is not a SQLite file). It was not changed.</source>
        <translation>{path} 不是开放日工作台的数据库（不是SQLite文件），未打开，也未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is a SQLite database of another program, not of Open Day Desk. It was not changed.</source>
        <translation>{path} 是其他程序的SQLite数据库，不是开放日工作台的数据库，未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged and was not opened (it was not changed). {backup_hint}</source>
        <translation>{path} 已损坏，未打开（文件未作任何改动）。{backup_hint}</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Open Day Desk (schema {version}; this version reads up to {supported}). Install the newer version; the file was not changed.</source>
        <translation>{path} 由更新版本的开放日工作台写入（数据结构版本 {version}，本版本最高支持 {supported}）。请安装新版本；文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is already open in another Open Day Desk window{holder}. Switch to that window, or close it first.</source>
        <translation>{path} 已在另一个开放日工作台窗口中打开{holder}。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>The newest automatic backup is {backup}; open it with File ▸ Open database, or restore it when the app offers to.</source>
        <translation>最新的自动备份是 {backup}；可通过“文件 ▸ 打开数据库”打开它，或在程序提示时用它恢复。</translation>
    </message>
    <message>
        <source>There is no automatic backup of it.</source>
        <translation>该数据库没有自动备份。</translation>
    </message>
    <message>
        <source> (process {pid})</source>
        <translation>（进程 {pid}）</translation>
    </message>
</context>
</TS>
