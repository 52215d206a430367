<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No one has checked in yet</source>
        <translation>尚无人签到</translation>
    </message>
</context>
<context>
    <name>AttendanceChart</name>
    <message>
        <source>No categories yet</source>
        <translation>尚未设置邀请类别</translation>
    </message>
    <message>
        <source>Dark: arrived · light: confirmed · dashed frame: quota (numbers: arrived / confirmed / quota)</source>
        <translation>深色：实到 · 浅色：已确认 · 虚线框：计划人数（数字：实到 / 已确认 / 计划）</translation>
    </message>
</context>
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
        <translation>日期</translation>
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
    <name>BundleTransfer</name>
    <message>
        <source>Open Day bundles (*{suffix});;All files (*)</source>
        <translation>开放日活动数据包 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export to the venue laptop</source>
        <translation>导出到现场电脑</translation>
    </message>
    <message>
        <source>Export for the office computer</source>
        <translation>导出给单位电脑</translation>
    </message>
    <message>
        <source>Bundle written: {path}</source>
        <translation>活动数据包已写入：{path}</translation>
    </message>
    <message>
        <source>On the office computer choose File ▸ Import or merge from file… and type the passphrase: the day&apos;s check-ins, notes and photos are merged into its copy of the event.</source>
        <translation>在单位电脑上选择“文件 ▸ 从文件导入/合并…”并输入密码，当天的签到、记录和照片即合并到那台电脑上的本活动中。</translation>
    </message>
    <message>
        <source>On the venue laptop choose File ▸ Import or merge from file… and type the passphrase. Bring a bundle back the same way to merge the day into this computer.</source>
        <translation>在现场电脑上选择“文件 ▸ 从文件导入/合并…”并输入密码。活动结束后用同样的方法导回一个数据包，把当天的记录合并到这台电脑。</translation>
    </message>
    <message>
        <source>“{title}” was written to {path} ({size}: {people} people, {checkins} check-ins, {photos} photos), encrypted with the passphrase.</source>
        <translation>“{title}”已写入 {path}（{size}：{people} 人，{checkins} 条签到，{photos} 张照片），已用密码加密。</translation>
    </message>
    <message>
        <source>Encrypting and writing the bundle…</source>
        <translation>正在加密并写入活动数据包…</translation>
    </message>
    <message>
        <source>Import or merge from file</source>
        <translation>从文件导入/合并</translation>
    </message>
    <message>
        <source>Decrypting the bundle…</source>
        <translation>正在解密活动数据包…</translation>
    </message>
    <message>
        <source>Add the event “{title}” ({date}) from {file} to this database?</source>
        <translation>将 {file} 中的活动“{title}”（{date}）添加到本数据库？</translation>
    </message>
    <message>
        <source>Merge {file} into “{title}”?

{added} new, {updated} changed, {checkins} check-ins to add.</source>
        <translation>将 {file} 合并到“{title}”？

新增 {added} 条，修改 {updated} 条，待添加签到 {checkins} 条。</translation>
    </message>
    <message>
        <source>Merging the bundle…</source>
        <translation>正在合并文件…</translation>
    </message>
    <message>
        <source>“{title}” was added from {file}.</source>
        <translation>已从 {file} 添加“{title}”。</translation>
    </message>
    <message>
        <source>Nothing to change: this database already has everything in {file}.</source>
        <translation>无需更改：本数据库已包含 {file} 中的全部内容。</translation>
    </message>
    <message>
        <source>{file} was merged into “{title}”: {added} new, {updated} changed, {unchanged} unchanged, {checkins} check-ins added.</source>
        <translation>{file} 已合并到“{title}”：新增 {added} 条，修改 {updated} 条，未变 {unchanged} 条，新增签到 {checkins} 条。</translation>
    </message>
    <message>
        <source>{count} row(s) had fields changed on both computers; the values you chose were kept.</source>
        <translation>有 {count} 条记录在两台电脑上都被修改过，已按您的选择保留相应的值。</translation>
    </message>
    <message>
        <source>{count} person(s) were admitted on both computers: both check-ins are kept and they are counted once.</source>
        <translation>有 {count} 人在两台电脑上都签到了：两条签到记录均已保留，人数只计一次。</translation>
    </message>
    <message>
        <source>Check these:</source>
        <translation>请核对以下情况：</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Counts as 群众代表</source>
        <translation>计入群众代表</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>Who is invited, and how many of each. The roster fills these categories.</source>
        <translation>邀请哪些人、每类多少名额；报名名单按这些类别归类。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;Total &lt;b&gt;{total}&lt;/b&gt; (at least {minimum}); public representatives &lt;b&gt;{public}&lt;/b&gt; = {share:.0%} (at least {needed:.0%}).&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;合计 &lt;b&gt;{total}&lt;/b&gt; 人（不少于 {minimum} 人）；群众代表 &lt;b&gt;{public}&lt;/b&gt; 人，占 {share:.0%}（不低于 {needed:.0%}）。&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>CheckinTab</name>
    <message>
        <source>Name, pinyin (zs), last 4 phone digits, last ID digits or pass code — then Enter</source>
        <translation>姓名、拼音（如 zs）、手机后4位、身份证号后几位或参观证号，然后按回车</translation>
    </message>
    <message>
        <source>Name, pinyin or pass code — then Enter</source>
        <translation>姓名、拼音或参观证号，然后按回车</translation>
    </message>
    <message>
        <source>Check in today &amp;anyway</source>
        <translation>今天仍然签到(&amp;A)</translation>
    </message>
    <message>
        <source>For a rehearsal or a late entry: check-ins made now are recorded with today&apos;s date</source>
        <translation>用于演练或补录：现在的签到按今天的日期记录</translation>
    </message>
    <message>
        <source>Not arrived yet</source>
        <translation>尚未到场</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>&amp;Undo last (Ctrl+Z)</source>
        <translation>撤销上一次(&amp;U)（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo selected…</source>
        <translation>撤销所选签到…</translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation>现场报名(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Venue mode (F11)</source>
        <translation>现场大字模式(&amp;V)（F11）</translation>
    </message>
    <message>
        <source>Mark &amp;no-shows…</source>
        <translation>标记未到人员(&amp;N)…</translation>
    </message>
    <message>
        <source>Venue networ&amp;k…</source>
        <translation>现场网络(&amp;K)…</translation>
    </message>
    <message>
        <source>Several laptops at one venue with one check-in log: switch this computer on as the hub, or join another&apos;s</source>
        <translation>一个现场多台电脑共用一份签到记录：把本机开启为主机，或加入另一台电脑的现场网络</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>撤销上一次签到</translation>
    </message>
    <message>
        <source>Venue mode on or off</source>
        <translation>开启或关闭现场模式</translation>
    </message>
    <message>
        <source>Scan a pass or type a name</source>
        <translation>请扫描参观证或输入姓名</translation>
    </message>
    <message>
        <source>Reading the roster…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <source>Today is not the event day: the event is on {date} ({days} days from now). A check-in made now is recorded with today&apos;s date.</source>
        <translation>今天不是活动日：活动在 {date}（还有 {days} 天）。现在签到将按今天的日期记录。</translation>
    </message>
    <message>
        <source>Today is not the event day: the event was on {date}. Check-ins made now are late entries.</source>
        <translation>今天不是活动日：活动已于 {date} 举行。现在的签到属于补录。</translation>
    </message>
    <message>
        <source>Not checked in: {who}. Today is not the event day ({date}); for a rehearsal or a late entry press “Check in today anyway” (Alt+A), then scan again.</source>
        <translation>未签到：{who}。今天不是活动日（{date}）；如为演练或补录，请先按“今天仍然签到”（Alt+A），再扫一次。</translation>
    </message>
    <message>
        <source>the walk-in</source>
        <translation>现场报名人员</translation>
    </message>
    <message>
        <source>Check-ins today are recorded with today&apos;s date. Scan a pass or type a name</source>
        <translation>今天的签到按今天的日期记录。请扫描参观证或输入姓名</translation>
    </message>
    <message>
        <source>Arrived {arrived} of {confirmed} confirmed (at least {minimum})</source>
        <translation>已到 {arrived} 人 / 已确认 {confirmed} 人（不少于 {minimum} 人）</translation>
    </message>
    <message>
        <source>Walk-ins: {walk_ins}</source>
        <translation>现场报名 {walk_ins} 人</translation>
    </message>
    <message>
        <source>Checked in before the event day: {early} (not counted as arrivals)</source>
        <translation>活动日前签到：{early} 人（不计入到场）</translation>
    </message>
    <message>
        <source>Public representatives among arrivals: {share}%</source>
        <translation>到场人员中群众代表占 {share}%</translation>
    </message>
    <message>
        <source>(before the event day)</source>
        <translation>（活动日前）</translation>
    </message>
    <message>
        <source>(before the event day: not counted as an arrival)</source>
        <translation>（活动日前，不计入到场）</translation>
    </message>
    <message>
        <source>(walk-in)</source>
        <translation>（现场报名）</translation>
    </message>
    <message>
        <source>undone: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <source>in at {time}</source>
        <translation>{time} 已签到</translation>
    </message>
    <message>
        <source>… more: type more of the name</source>
        <translation>……还有更多：请多输入几个字</translation>
    </message>
    <message>
        <source>Not found: {text}</source>
        <translation>未找到：{text}</translation>
    </message>
    <message>
        <source>{name} was not admitted: a scan came while the question was open. Scan {name} again to decide.</source>
        <translation>{name} 未入场：提问未答时又扫了一个码。请再扫一次 {name} 后决定。</translation>
    </message>
    <message>
        <source>✔ {name}
{category} · {organisation}</source>
        <translation>✔ {name}
{category} · {organisation}</translation>
    </message>
    <message>
        <source>{name} is already in (since {time}, at another computer)</source>
        <translation>{name} 已在另一台电脑签到（{time}）</translation>
    </message>
    <message>
        <source>{name} is already in (since {time})</source>
        <translation>{name} 已签到（{time}）</translation>
    </message>
    <message>
        <source>{name} is {status}: not admitted</source>
        <translation>{name} 的状态为“{status}”：未签到</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>无法识别的参观证号</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认人员</translation>
    </message>
    <message>
        <source>{name} ({category}) is {status}. Admit them anyway? They will be marked confirmed.</source>
        <translation>{name}（{category}）的状态为“{status}”。仍然准予入场吗？其状态将改为已确认。</translation>
    </message>
    <message>
        <source>Reason (kept with the check-in):</source>
        <translation>原因（随签到记录保存）：</translation>
    </message>
    <message>
        <source>Check-in of {name} undone</source>
        <translation>已撤销 {name} 的签到</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <source>Walk-in not added</source>
        <translation>现场报名未添加</translation>
    </message>
    <message>
        <source>Mark no-shows</source>
        <translation>标记未到人员</translation>
    </message>
    <message>
        <source>Mark every confirmed person who has not checked in as 未到 (treated as having given up)?</source>
        <translation>将所有已确认但未签到的人员标记为“未到”（视为主动放弃）吗？</translation>
    </message>
    <message>
        <source>{count} people marked as not arrived</source>
        <translation>已将 {count} 人标记为未到</translation>
    </message>
</context>
<context>
    <name>CommonStopsDialog</name>
    <message>
        <source>Common stops</source>
        <translation>常用参观点</translation>
    </message>
    <message>
        <source>{kind}: {label} — {minutes} min</source>
        <translation>{kind}：{label} — {minutes}分钟</translation>
    </message>
    <message>
        <source>Add ticked items</source>
        <translation>添加所选项目</translation>
    </message>
    <message>
        <source>Tick the items to add with Space; Enter adds them below the selected row in this order (with none ticked, the highlighted one). Guides and times are set afterwards.</source>
        <translation>按空格键勾选要添加的项目；按回车键按此顺序添加到所选行下方（未勾选任何项目时，添加光标所在的一项）。讲解人和时间随后设置。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Plan section</source>
        <translation>方案章节</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Leading group</source>
        <translation>领导小组</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责分工</translation>
    </message>
    <message>
        <source>Invitee category</source>
        <translation>邀请类别</translation>
    </message>
    <message>
        <source>Invitee</source>
        <translation>邀请对象</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Meeting note</source>
        <translation>座谈会记录</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Survey question</source>
        <translation>测评题目</translation>
    </message>
    <message>
        <source>Survey form</source>
        <translation>测评表</translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation>测评答案</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pass code</source>
        <translation>参观证编码</translation>
    </message>
    <message>
        <source>Pledge signed</source>
        <translation>已签承诺书</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>Organising unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办科室</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>采纳情况</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>办理答复</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>发言内容</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <source>Undo reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(an image)</source>
        <translation>（图片）</translation>
    </message>
    <message>
        <source>Changed on both computers</source>
        <translation>两台电脑上都有修改</translation>
    </message>
    <message>
        <source>These fields of “{title}” were changed both on this computer and in the bundle since the two last exchanged. Choose for each which value to keep. Everything else is merged without asking.</source>
        <translation>自上次交换以来，“{title}”的以下内容在本机和数据包中都被修改过。请逐项选择要保留的值；其余内容将直接合并，不再询问。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>Theirs (the bundle)</source>
        <translation>数据包的值</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>All m&amp;ine</source>
        <translation>全部用本机的(&amp;I)</translation>
    </message>
    <message>
        <source>All &amp;theirs</source>
        <translation>全部用数据包的(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>数据包</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>e.g. 2026-12-18</source>
        <translation>例如 2026-12-18</translation>
    </message>
    <message>
        <source>Type the date as 2026-12-18 or 20261218; Alt+Down or F4 opens a calendar</source>
        <translation>按 2026-12-18 或 20261218 输入日期；Alt+↓ 或 F4 打开日历</translation>
    </message>
    <message>
        <source>Calendar (Alt+Down)</source>
        <translation>日历（Alt+↓）</translation>
    </message>
    <message>
        <source>“{text}” is not a date (type it as 2026-12-18 or 20261218): the field is back to {value}.</source>
        <translation>“{text}”不是日期（请按 2026-12-18 或 20261218 输入），已恢复为 {value}。</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>e.g. 西吉县“政府开放日”工作方案 (without 《》)</source>
        <translation>例如：西吉县“政府开放日”工作方案（不含书名号）</translation>
    </message>
    <message>
        <source>e.g. 西政办发〔2024〕12号</source>
        <translation>例如：西政办发〔2024〕12号</translation>
    </message>
    <message>
        <source>First come, first served</source>
        <translation>按报名先后顺序确定</translation>
    </message>
    <message>
        <source>The office selects</source>
        <translation>由办公室综合确定</translation>
    </message>
    <message>
        <source>What happens when too few register</source>
        <translation>报名人数不足时如何处理</translation>
    </message>
    <message>
        <source>体验 items separated by 、 e.g. 公文盖章、窗口服务</source>
        <translation>体验项目，用顿号分隔，例如：公文盖章、窗口服务</translation>
    </message>
    <message>
        <source>Count the deadlines after the event in working days</source>
        <translation>活动后的时限按工作日计算</translation>
    </message>
    <message>
        <source>Print the 印发通知 before the plan</source>
        <translation>方案前附印发通知</translation>
    </message>
    <message>
        <source>e.g. 西审管函字〔2024〕61号</source>
        <translation>例如：西审管函字〔2024〕61号</translation>
    </message>
    <message>
        <source>Issuer&apos;s mark in red, optional</source>
        <translation>红色发文机关标志，可不填</translation>
    </message>
    <message>
        <source>Empty: 现将《…》印发给你们，请认真遵照执行。</source>
        <translation>留空则为：现将《…》印发给你们，请认真遵照执行。</translation>
    </message>
    <message>
        <source>Attachment: leading group list</source>
        <translation>附件：领导小组名单</translation>
    </message>
    <message>
        <source>Attachment: registration form</source>
        <translation>附件：报名表</translation>
    </message>
    <message>
        <source>Basis document</source>
        <translation>依据文件</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>文件名称：</translation>
    </message>
    <message>
        <source>Number (文号):</source>
        <translation>文号：</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>报名方式：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>报名电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>报名邮箱：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>报名截止：</translation>
    </message>
    <message>
        <source>When oversubscribed:</source>
        <translation>报名人数超出时：</translation>
    </message>
    <message>
        <source>When undersubscribed:</source>
        <translation>报名人数不足时：</translation>
    </message>
    <message>
        <source>Activity forms and dates</source>
        <translation>活动形式与日期</translation>
    </message>
    <message>
        <source>Forms:</source>
        <translation>活动形式：</translation>
    </message>
    <message>
        <source>Hands-on (体验):</source>
        <translation>体验项目：</translation>
    </message>
    <message>
        <source>Filed with the 政务公开办 (报备):</source>
        <translation>报政务公开办备案：</translation>
    </message>
    <message>
        <source>Announcement published (公告):</source>
        <translation>发布公告：</translation>
    </message>
    <message>
        <source>Rule thresholds</source>
        <translation>规则参数</translation>
    </message>
    <message>
        <source>Invitees at least:</source>
        <translation>邀请人数不少于：</translation>
    </message>
    <message>
        <source>群众代表 share at least:</source>
        <translation>群众代表占比不低于：</translation>
    </message>
    <message>
        <source>Announce days before:</source>
        <translation>公告提前天数：</translation>
    </message>
    <message>
        <source>File days before the announcement:</source>
        <translation>备案早于公告天数：</translation>
    </message>
    <message>
        <source>实施情况 within days:</source>
        <translation>实施情况发布时限（天）：</translation>
    </message>
    <message>
        <source>总结评估 within days:</source>
        <translation>总结评估时限（天）：</translation>
    </message>
    <message>
        <source>意见反馈 within days:</source>
        <translation>意见反馈时限（天）：</translation>
    </message>
    <message>
        <source>Report within days:</source>
        <translation>报送政务公开办时限（天）：</translation>
    </message>
    <message>
        <source>印发通知 and attachments</source>
        <translation>印发通知与附件</translation>
    </message>
    <message>
        <source>版头:</source>
        <translation>版头：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>发文字号：</translation>
    </message>
    <message>
        <source>Addressed to (主送):</source>
        <translation>主送机关：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>成文日期：</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Submit a form, also from a text of several lines (OK)</source>
        <translation>提交表单（多行文本中也可，相当于“确定”）</translation>
    </message>
</context>
<context>
    <name>DistrictDialog</name>
    <message>
        <source>District summary</source>
        <translation>区县汇总</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>在名单中</translation>
    </message>
    <message>
        <source>Trusted key</source>
        <translation>信任的密钥</translation>
    </message>
    <message>
        <source>Events this year</source>
        <translation>本年活动</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import the &amp;units list…</source>
        <translation>导入单位名单(&amp;U)…</translation>
    </message>
    <message>
        <source>Add a u&amp;nit…</source>
        <translation>添加单位(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Take off the list</source>
        <translation>移出名单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add packages (folder or stick)…</source>
        <translation>添加归档包（文件夹或U盘）(&amp;A)…</translation>
    </message>
    <message>
        <source>Add package &amp;zips…</source>
        <translation>添加归档包压缩文件(&amp;Z)…</translation>
    </message>
    <message>
        <source>Write the year&apos;s &amp;report…</source>
        <translation>生成年度汇总(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已被替换</translation>
    </message>
    <message>
        <source>current</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>{year}: {reported} of {expected} units reported, {events} events.</source>
        <translation>{year}年：名单中 {expected} 个单位已报送 {reported} 个，共 {events} 场活动。</translation>
    </message>
    <message>
        <source>{year}: {events} events from {units} units. The list of expected units is empty: import it to see who has not reported.</source>
        <translation>{year}年：{units} 个单位报送 {events} 场活动。应报单位名单为空：导入名单后可查看哪些单位尚未报送。</translation>
    </message>
    <message>
        <source>Units list</source>
        <translation>单位名单</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{count} units on the list.</source>
        <translation>名单中共 {count} 个单位。</translation>
    </message>
    <message>
        <source>Add a unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Unit&apos;s name, as it signs its documents:</source>
        <translation>单位名称（与其公文落款一致）：</translation>
    </message>
    <message>
        <source>“{name}” is on the list already, or empty.</source>
        <translation>“{name}”已在名单中，或名称为空。</translation>
    </message>
    <message>
        <source>Choose a unit in the list first.</source>
        <translation>请先在名单中选中一个单位。</translation>
    </message>
    <message>
        <source>Package zips</source>
        <translation>归档包压缩文件</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>压缩文件 (*.zip)</translation>
    </message>
    <message>
        <source>Folder or stick holding the packages</source>
        <translation>存放归档包的文件夹或U盘</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>正在校验归档包…</translation>
    </message>
    <message>
        <source>Trust this unit&apos;s key?</source>
        <translation>信任该单位的密钥？</translation>
    </message>
    <message>
        <source>{source}

is signed with the key

{fingerprint}

Compare it digit by digit with the fingerprint the unit reported on paper. Trust this key for the unit?</source>
        <translation>{source}

的签名密钥指纹为

{fingerprint}

请与该单位书面报送的指纹逐位核对。确认信任此密钥为该单位的密钥吗？</translation>
    </message>
    <message>
        <source>{added} added, {replaced} replacing an older package, {refused} refused.</source>
        <translation>新增 {added} 个，替换旧包 {replaced} 个，拒收 {refused} 个。</translation>
    </message>
    <message>
        <source>Packages added</source>
        <translation>归档包添加结果</translation>
    </message>
    <message>
        <source>Write the report into folder</source>
        <translation>将年度汇总写入文件夹</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已生成：{files}</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未能生成</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成年度汇总…</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Mark as done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>完成日期：</translation>
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
    <name>EarlyQuestion</name>
    <message>
        <source>The rule check still finds {n} error(s); a filed package should have none:</source>
        <translation>规则检查仍有 {n} 项错误；归档的材料不应有错误：</translation>
    </message>
    <message>
        <source>Before writing</source>
        <translation>写出之前</translation>
    </message>
    <message>
        <source>Write as a &amp;draft (草稿)</source>
        <translation>写成草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Write anyway</source>
        <translation>仍然写出(&amp;W)</translation>
    </message>
    <message>
        <source>attendance record</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <source>meeting notes</source>
        <translation>座谈会记录</translation>
    </message>
    <message>
        <source>report on the suggestions</source>
        <translation>意见建议办理反馈情况</translation>
    </message>
    <message>
        <source>implementation report</source>
        <translation>活动实施情况</translation>
    </message>
    <message>
        <source>summary and evaluation</source>
        <translation>总结评估报告</translation>
    </message>
    <message>
        <source>filing package</source>
        <translation>归档包</translation>
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
    <name>FeedbackTab</name>
    <message>
        <source>Meeting notes</source>
        <translation>座谈会记录</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议台账</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度测评</translation>
    </message>
    <message>
        <source>D&amp;ocuments</source>
        <translation>文书(&amp;O)</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>The folder {path} cannot be made: {reason}</source>
        <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>FontSettingsDialog</name>
    <message>
        <source>Document fonts</source>
        <translation>公文字体</translation>
    </message>
    <message>
        <source>Title (2号):</source>
        <translation>标题（2号）：</translation>
    </message>
    <message>
        <source>Body text (3号):</source>
        <translation>正文（3号）：</translation>
    </message>
    <message>
        <source>Level-1 headings 一、:</source>
        <translation>一级标题“一、”：</translation>
    </message>
    <message>
        <source>Level-2 headings （一）:</source>
        <translation>二级标题“（一）”：</translation>
    </message>
    <message>
        <source>Page numbers (4号):</source>
        <translation>页码（4号）：</translation>
    </message>
    <message>
        <source>Word and WPS use another font where a name is not installed (Windows often lacks 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体; 仿宋, 楷体 and 宋体 are there).</source>
        <translation>电脑上没有安装的字体，Word 和 WPS 会用其他字体代替（Windows 常缺仿宋_GB2312、楷体_GB2312 和方正小标宋简体，但有仿宋、楷体和宋体）。</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>恢复默认</translation>
    </message>
</context>
<context>
    <name>GroupMembersDialog</name>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>&amp;Deal everyone out again</source>
        <translation>重新分组(&amp;D)</translation>
    </message>
    <message>
        <source>Group {n}</source>
        <translation>第{n}组</translation>
    </message>
    <message>
        <source>group {n}: {count}</source>
        <translation>第{n}组{count}人</translation>
    </message>
    <message>
        <source>{count} without a group</source>
        <translation>{count}人未分组</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import people</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Import the hidden rows too</source>
        <translation>隐藏的行也导入</translation>
    </message>
    <message>
        <source>Categories of the file that are not in the plan</source>
        <translation>文件中方案未列出的类别</translation>
    </message>
    <message>
        <source>{sheet} (hidden)</source>
        <translation>{sheet}（隐藏）</translation>
    </message>
    <message>
        <source>(not in the plan: the rows are refused)</source>
        <translation>（不在方案中：这些行不能导入）</translation>
    </message>
    <message>
        <source>“{value}” is taken as:</source>
        <translation>“{value}”归入：</translation>
    </message>
    <message>
        <source>{rows} rows, {valid} can be imported, {rejected} with problems</source>
        <translation>共 {rows} 行，可导入 {valid} 行，有问题 {rejected} 行</translation>
    </message>
    <message>
        <source> (the first {shown} are shown)</source>
        <translation>（显示前 {shown} 行）</translation>
    </message>
    <message>
        <source>Import {count} rows</source>
        <translation>导入 {count} 行</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. The details were written to the log file.</source>
        <translation>出现错误：{error}。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Imported {count} rows</source>
        <translation>已导入 {count} 行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Importing {count} rows…</source>
        <translation>正在导入 {count} 行…</translation>
    </message>
    <message>
        <source>{imported} rows were imported. {rejected} rows have problems and were not imported.

Save them as a workbook, with their problems, to correct them and import that file again?</source>
        <translation>已导入 {imported} 行。有 {rejected} 行存在问题，未导入。

是否将这些行连同问题说明另存为工作簿，改正后再导入该文件？</translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt *.htm *.html);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt *.htm *.html);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>InviteeDialog</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>18 characters; the birth date and sex are read from it</source>
        <translation>18位；出生日期和性别自动从号码读出</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Signed the integrity pledge (诚信承诺)</source>
        <translation>已签署诚信承诺</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>报名电话：</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>报名方式：</translation>
    </message>
    <message>
        <source>Registered at:</source>
        <translation>报名时间：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Born {birth}, {sex}</source>
        <translation>出生于 {birth}，{sex}</translation>
    </message>
    <message>
        <source>, {age} on the day of the event</source>
        <translation>，活动当天 {age} 岁</translation>
    </message>
    <message>
        <source>This event has no invitee categories yet; they are set in {place}.</source>
        <translation>本次活动还没有邀请对象类别；类别在“{place}”中设置。</translation>
    </message>
    <message>
        <source>Set the categories…</source>
        <translation>设置类别…</translation>
    </message>
</context>
<context>
    <name>InviteeTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>参观证号</translation>
    </message>
    <message>
        <source>Confirmed by phone</source>
        <translation>电话确认</translation>
    </message>
    <message>
        <source>The full number is in the person&apos;s form.</source>
        <translation>完整号码见个人信息表。</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办科室</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限情况</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>采纳情况</translation>
    </message>
    <message>
        <source>Search topic, content, person, reply</source>
        <translation>搜索主题、内容、提出人、答复</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <source>&amp;New suggestion</source>
        <translation>新增意见(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Departments…</source>
        <translation>科室/窗口…</translation>
    </message>
    <message>
        <source>Delete the chosen suggestion</source>
        <translation>删除所选意见建议</translation>
    </message>
    <message>
        <source>Required when not adopted: published with the reply</source>
        <translation>暂不采纳时必填，随答复一并公开</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S)（Ctrl+S）</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Save the suggestion</source>
        <translation>保存意见建议</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>意见建议内容</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Assigned on</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>办理答复</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>暂不采纳理由</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未交办）</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s): </source>
        <translation>
            <numerusform>共 %n 条：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;overdue %n&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b style=&apos;color:#c62828&apos;&gt;超期 %n&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due soon %n</source>
        <translation>
            <numerusform>即将到期 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>By department: </source>
        <translation>按科室：</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) after it is assigned</source>
        <translation>
            <numerusform>交办后 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after it is assigned</source>
        <translation>
            <numerusform>交办后 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestion not saved</source>
        <translation>意见建议未保存</translation>
    </message>
    <message>
        <source>New suggestion</source>
        <translation>新增意见建议</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Reply due: %1 (change the rule in Plan › Registration and details › Rule thresholds)</source>
        <translation>答复期限：%1（规则在“方案 › 报名与细节 › 规则参数”中修改）</translation>
    </message>
    <message>
        <source>What was suggested:</source>
        <translation>意见建议内容：</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>科室/窗口</translation>
    </message>
    <message>
        <source>One department or window (科室/窗口) per line:</source>
        <translation>每行一个科室或窗口：</translation>
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
        <source>Roster</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>归档</translation>
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
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Export to the &amp;venue laptop…</source>
        <translation>导出到现场电脑(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Import or merge from a file…</source>
        <translation>从文件导入/合并(&amp;I)…</translation>
    </message>
    <message>
        <source>Venue net&amp;work…</source>
        <translation>现场网络(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Plan (Word)…</source>
        <translation>实施方案（Word）(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Announcement (Word)…</source>
        <translation>活动公告（Word）(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Registration form (Word and Excel)…</source>
        <translation>报名表（Word 和 Excel）(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Invitee list (Excel, internal)…</source>
        <translation>邀请名单（Excel，内部用）(&amp;I)…</translation>
    </message>
    <message>
        <source>Invitee list (Excel, &amp;masked)…</source>
        <translation>邀请名单（Excel，已脱敏）(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Sign-in sheet (Word and Excel)…</source>
        <translation>签到表（Word 和 Excel）(&amp;S)…</translation>
    </message>
    <message>
        <source>Arrivals re&amp;cord (Word, internal)…</source>
        <translation>签到记录(&amp;C)（Word，内部）…</translation>
    </message>
    <message>
        <source>Programme and guide car&amp;ds (Word)…</source>
        <translation>活动流程和讲解人工作卡(&amp;D)（Word）…</translation>
    </message>
    <message>
        <source>Meeting &amp;notes (Word)…</source>
        <translation>座谈会记录(&amp;N)（Word）…</translation>
    </message>
    <message>
        <source>Suggestions &amp;ledger (Excel, internal)…</source>
        <translation>意见建议台账(&amp;L)（Excel，内部）…</translation>
    </message>
    <message>
        <source>Replies to su&amp;ggestions (Word, for publication)…</source>
        <translation>意见建议办理反馈情况(&amp;G)（Word，对外公开）…</translation>
    </message>
    <message>
        <source>Sur&amp;vey statistics (Excel and chart)…</source>
        <translation>满意度测评统计(&amp;V)（Excel 和图表）…</translation>
    </message>
    <message>
        <source>Blank survey and comment &amp;forms (Word)…</source>
        <translation>空白测评表和征求意见表(&amp;F)（Word）…</translation>
    </message>
    <message>
        <source>Summary and &amp;evaluation (Word)…</source>
        <translation>总结评估报告（Word）(&amp;E)…</translation>
    </message>
    <message>
        <source>Filing pac&amp;kage…</source>
        <translation>归档包(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Document &amp;fonts…</source>
        <translation>公文字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Open Day Desk</source>
        <translation>关于政府开放日工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>Show the {tab} tab</source>
        <translation>切换到“{tab}”页</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一页</translation>
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
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Writing the documents…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <source>Replace?</source>
        <translation>是否替换？</translation>
    </message>
    <message>
        <source>These are already in {folder}:
{names}

Replace them? Edits made in them since are lost.</source>
        <translation>{folder} 中已有：
{names}

替换吗？此后对它们所做的修改将丢失。</translation>
    </message>
    <message>
        <source>Wrote {n} file(s) to {folder}</source>
        <translation>已将 {n} 个文件写入 {folder}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Written:
{files}</source>
        <translation>已生成：
{files}</translation>
    </message>
    <message>
        <source>New databa&amp;se…</source>
        <translation>新建数据库(&amp;S)…</translation>
    </message>
    <message>
        <source>Dis&amp;trict summary…</source>
        <translation>区县汇总(&amp;T)…</translation>
    </message>
    <message>
        <source>Passes (&amp;Word)…</source>
        <translation>参观证（Word）(&amp;W)…</translation>
    </message>
    <message>
        <source>Implemen&amp;tation report (Word)…</source>
        <translation>活动实施情况（Word）(&amp;T)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Removed what an interrupted export had left there: {names}.</source>
        <translation>已删除此前中断的导出留下的文件：{names}。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The documents could not be written to {folder}: {reason}

Nothing was left half-written. Choose another folder or free some space.</source>
        <translation>文件未能写入 {folder}：{reason}

没有留下写了一半的文件。请换一个文件夹，或腾出磁盘空间。</translation>
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
    <name>MilestonesPage</name>
    <message>
        <source>Milestone</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>取消完成</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Holiday adjustments (used when deadlines count working days)</source>
        <translation>节假日调整（按工作日计算时限时使用）</translation>
    </message>
    <message>
        <source>Some working-day deadlines fall in a year the holiday calendar does not cover yet; they count Monday–Friday only. Add that year&apos;s holidays below, or update the app.</source>
        <translation>部分按工作日计算的时限落在节假日数据尚未覆盖的年份，暂按周一至周五计算。请在下方补充该年的节假日安排，或更新本软件。</translation>
    </message>
    <message>
        <source>{date}: working day</source>
        <translation>{date}：上班</translation>
    </message>
    <message>
        <source>{date}: holiday</source>
        <translation>{date}：放假</translation>
    </message>
</context>
<context>
    <name>MultiLineTextDialog</name>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>按 Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Venue network</source>
        <translation>现场网络</translation>
    </message>
    <message>
        <source>Several laptops at one venue share one check-in log over the venue&apos;s own network (a router or a phone&apos;s hotspot; no internet needed). One computer is the hub; the others join it with its pairing code. A device that loses the hub keeps checking people in and catches up by itself.</source>
        <translation>同一现场的多台电脑通过现场自己的网络（路由器或手机热点，无需连接互联网）共用一份签到记录。一台电脑作为主机，其他电脑用主机的配对码加入。与主机断开的电脑可以继续签到，恢复连接后自动补传。</translation>
    </message>
    <message>
        <source>This computer as the hub</source>
        <translation>本机作为主机</translation>
    </message>
    <message>
        <source>{address} (this computer only, for a trial)</source>
        <translation>{address}（仅本机，用于试用）</translation>
    </message>
    <message>
        <source>Switched on, this computer shows here the pairing code for the other laptops and the devices that joined. Choose the address of this computer on the venue&apos;s network.</source>
        <translation>开启后，这里显示供其他电脑加入的配对码和已加入的设备。请选择本机在现场网络中的地址。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New code</source>
        <translation>新配对码(&amp;N)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Revoke the device…</source>
        <translation>撤销该设备(&amp;R)…</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Pairing code (one device, once, for ten minutes):</source>
        <translation>配对码（一台设备、一次有效、10 分钟内使用）：</translation>
    </message>
    <message>
        <source>Join another computer&apos;s hub</source>
        <translation>加入另一台电脑的现场网络</translation>
    </message>
    <message>
        <source>ODHUB1:… from the hub&apos;s screen</source>
        <translation>主机屏幕上的 ODHUB1:…</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Stay in step</source>
        <translation>保持同步(&amp;S)</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>配对码</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <source>Switch &amp;off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>Switch &amp;on</source>
        <translation>开启(&amp;O)</translation>
    </message>
    <message>
        <source>Joined to {url}. {trouble}</source>
        <translation>已加入 {url}。{trouble}</translation>
    </message>
    <message>
        <source>Joined to {url}: in step; the last check-ins came or went at {time}.</source>
        <translation>已加入 {url}：同步中；最近一次收发签到记录在 {time}。</translation>
    </message>
    <message>
        <source>Joined to {url}: in step.</source>
        <translation>已加入 {url}：同步中。</translation>
    </message>
    <message>
        <source>Joined to {url}, not in step now: {count} check-in actions wait here.</source>
        <translation>已加入 {url}，目前未同步：本机有 {count} 条签到记录待发送。</translation>
    </message>
    <message>
        <source>Joined to {url}, not in step now.</source>
        <translation>已加入 {url}，目前未同步。</translation>
    </message>
    <message>
        <source>Not joined to a hub.</source>
        <translation>未加入现场网络。</translation>
    </message>
    <message>
        <source>Valid for {minutes}:{seconds:02d} more; single use.</source>
        <translation>还可使用 {minutes}:{seconds:02d}，仅限一次。</translation>
    </message>
    <message>
        <source>Expired: make a new code.</source>
        <translation>已过期：请生成新配对码。</translation>
    </message>
    <message>
        <source>off by {span} ({direction})</source>
        <translation>相差{span}（{direction}）</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>快</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>已配对</translation>
    </message>
    <message>
        <source>Revoke the device</source>
        <translation>撤销设备</translation>
    </message>
    <message>
        <source>Refuse {name} from now on? Its check-ins so far stay counted. To let it in again, pair it with a new code.</source>
        <translation>从现在起拒绝“{name}”？它此前的签到仍然计入。如需重新接入，请用新配对码再次配对。</translation>
    </message>
    <message>
        <source>Joining the hub and receiving the event…</source>
        <translation>正在加入现场网络并接收活动数据…</translation>
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
    <name>NotesPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>发言内容</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>已转意见</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Type a name, pinyin initials or a staff member; or any text</source>
        <translation>输入姓名、拼音首字母或工作人员；也可直接输入</translation>
    </message>
    <message>
        <source>The remark; Ctrl+Enter adds it and clears for the next</source>
        <translation>发言内容；按 Ctrl+Enter 添加并清空，接着记下一条</translation>
    </message>
    <message>
        <source>&amp;Add (Ctrl+Enter)</source>
        <translation>添加(&amp;A)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Make a &amp;suggestion of it</source>
        <translation>转为意见建议(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Delete the remark</source>
        <translation>删除该条发言</translation>
    </message>
    <message>
        <source>Bring back the remark deleted last</source>
        <translation>恢复最近删除的发言</translation>
    </message>
    <message>
        <source>Who takes the notes (printed as 记录人)</source>
        <translation>记录座谈内容的人员（打印为“记录人”）</translation>
    </message>
    <message>
        <source>Notes ta&amp;ken by</source>
        <translation>记录人(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>%n remark(s)</source>
        <translation>
            <numerusform>共 %n 条发言</numerusform>
        </translation>
    </message>
    <message>
        <source>Meeting notes</source>
        <translation>座谈会记录</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not possible</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add &amp;staff</source>
        <translation>添加工作人员(&amp;S)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>组内职务</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add to the &amp;group</source>
        <translation>添加领导小组成员(&amp;G)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>责任领导</translation>
    </message>
    <message>
        <source>Responsible staff</source>
        <translation>责任人员</translation>
    </message>
    <message>
        <source>Add a d&amp;uty</source>
        <translation>添加分工(&amp;U)</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Staff of this event</source>
        <translation>本次活动工作人员</translation>
    </message>
    <message>
        <source>Everyone who leads, guides or works on the day; picked from here everywhere else.</source>
        <translation>领导、讲解员和当天工作人员都在这里登记一次，其他地方从这里选择。</translation>
    </message>
    <message>
        <source>Leading group (领导小组)</source>
        <translation>领导小组</translation>
    </message>
    <message>
        <source>The 办公室主任 row names who heads the group&apos;s office.</source>
        <translation>“办公室主任”一行为领导小组办公室负责人。</translation>
    </message>
    <message>
        <source>Duties (人员分工)</source>
        <translation>人员分工</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase of the bundle</source>
        <translation>活动数据包密码</translation>
    </message>
    <message>
        <source>The bundle carries people&apos;s personal data, so it is encrypted. Choose a passphrase of at least {count} characters and type it twice. It is not stored anywhere: tell it to the colleague at the venue in person, never on the USB stick.</source>
        <translation>活动数据包含有个人信息，因此会加密。请设置至少 {count} 个字符的密码并输入两次。密码不会保存在任何地方：请当面告知现场的同事，切勿写在U盘上。</translation>
    </message>
    <message>
        <source>Type the passphrase chosen when {file} was exported.</source>
        <translation>请输入导出 {file} 时设置的密码。</translation>
    </message>
    <message>
        <source>the bundle</source>
        <translation>该数据包</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>显示密码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>删除该照片</translation>
    </message>
    <message>
        <source>Drop JPEG or PNG photos here. Double-click a caption to edit it; tick the photos the implementation report shows.</source>
        <translation>可将 JPEG 或 PNG 照片拖放到这里。双击说明文字可修改；勾选的照片将放入活动实施情况。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>{count} photo(s) added.</source>
        <translation>已添加 {count} 张照片。</translation>
    </message>
    <message>
        <source>Preparing {count} photo(s)…</source>
        <translation>正在处理 {count} 张照片…</translation>
    </message>
    <message>
        <source>{count} photo(s) removed.</source>
        <translation>已移除 {count} 张照片。</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>方案章节</translation>
    </message>
    <message>
        <source>Invitees</source>
        <translation>邀请对象</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织与分工</translation>
    </message>
    <message>
        <source>Registration and details</source>
        <translation>报名与细节</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Rating (one option ticked)</source>
        <translation>评价题（单选）</translation>
    </message>
    <message>
        <source>Open question (written answer)</source>
        <translation>开放题（文字作答）</translation>
    </message>
    <message>
        <source>The options from best to worst, separated by /</source>
        <translation>选项从好到差，用 / 分隔</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>QuotaBars</name>
    <message>
        <source>{registered} registered, {waiting} waiting</source>
        <translation>报名 {registered} 人，候补 {waiting} 人</translation>
    </message>
    <message>
        <source>{name} · waiting {waiting}</source>
        <translation>{name} · 候补 {waiting}</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;Confirmed {confirmed} of at least {minimum}&lt;/b&gt;&lt;br&gt;Public representatives (群众代表) {share:.0%} (at least {needed:.0%})</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;已确认 {confirmed} 人（不少于 {minimum} 人）&lt;/b&gt;&lt;br&gt;群众代表占 {share:.0%}（不低于 {needed:.0%}）</translation>
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
    <name>ReviewPanel</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Double-click or press Enter to go there</source>
        <translation>双击或按回车键前往修改</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Nothing missing: the plan can be filed.&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;没有缺项：方案可以报备。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{errors} to fix before filing, {others} to look at.</source>
        <translation>报备前需修改 {errors} 项，另有 {others} 项提醒。</translation>
    </message>
    <message>
        <source>Check ({n})</source>
        <translation>检查（{n}）</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Search: name, pinyin initials (zs), phone, ID digits, pass code</source>
        <translation>搜索：姓名、拼音首字母（如 zs）、手机号、身份证号后几位、参观证号</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>ID numbers required</source>
        <translation>要求填写身份证号</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Apply &amp;selection</source>
        <translation>按报名先后确定名单(&amp;S)</translation>
    </message>
    <message>
        <source>Phone &amp;confirmed</source>
        <translation>已电话确认(&amp;C)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel registration</source>
        <translation>取消报名(&amp;N)</translation>
    </message>
    <message>
        <source>Give &amp;pass codes</source>
        <translation>生成参观证号(&amp;P)</translation>
    </message>
    <message>
        <source>First come, first served by registration time within each category&apos;s places; the rest wait.</source>
        <translation>各类别按报名先后在名额内确定，其余列入候补。</translation>
    </message>
    <message>
        <source>Search the roster</source>
        <translation>搜索名单</translation>
    </message>
    <message>
        <source>Delete the person (in the roster)</source>
        <translation>删除该人员（名单中）</translation>
    </message>
    <message>
        <source>Bring back the person deleted last</source>
        <translation>恢复最近删除的人员</translation>
    </message>
    <message>
        <source>Open the person</source>
        <translation>打开该人员</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Reading the roster…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>显示 {shown} / 共 {total} 人</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未能添加</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未能保存</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Removed {name}. Ctrl+Z in the list brings them back.</source>
        <translation>已删除 {name}。在名单中按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>Selection not applied</source>
        <translation>未确定名单</translation>
    </message>
    <message>
        <source>Selection applied: {confirmed} confirmed, {waiting} on the waiting list.</source>
        <translation>已确定名单：新确认 {confirmed} 人，列入候补 {waiting} 人。</translation>
    </message>
    <message>
        <source>Confirmation call</source>
        <translation>电话确认</translation>
    </message>
    <message>
        <source>Called by:</source>
        <translation>确认人：</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Cancel {name}&apos;s registration?</source>
        <translation>确定取消 {name} 的报名吗？</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <source>{name} is next on the waiting list of {category} (phone {phone}). Confirm {name} for the freed place?</source>
        <translation>{name} 是“{category}”候补名单中的下一位（电话 {phone}）。是否确认 {name} 补上空出的名额？</translation>
    </message>
    <message>
        <source>Passes not given</source>
        <translation>未发放入场码</translation>
    </message>
    <message>
        <source>{n} pass code(s) given.</source>
        <translation>已生成 {n} 个参观证号。</translation>
    </message>
</context>
<context>
    <name>RouteDelegate</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. 11:00</source>
        <translation>如 11:00</translation>
    </message>
</context>
<context>
    <name>RouteTab</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Common stops…</source>
        <translation>常用参观点(&amp;C)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate (Ctrl+D)</source>
        <translation>复制(&amp;U)（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>删除（Del）</translation>
    </message>
    <message>
        <source>Up (Ctrl+↑)</source>
        <translation>上移（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Down (Ctrl+↓)</source>
        <translation>下移（Ctrl+↓）</translation>
    </message>
    <message>
        <source>Clear actual times</source>
        <translation>清除实际时间</translation>
    </message>
    <message>
        <source>Move the item up</source>
        <translation>上移该项</translation>
    </message>
    <message>
        <source>Move the item down</source>
        <translation>下移该项</translation>
    </message>
    <message>
        <source>Duplicate the item</source>
        <translation>复制该项</translation>
    </message>
    <message>
        <source>Delete the item</source>
        <translation>删除该项</translation>
    </message>
    <message>
        <source>Bring back the item deleted last</source>
        <translation>恢复最近删除的项目</translation>
    </message>
    <message>
        <source>Add a stop</source>
        <translation>添加参观点</translation>
    </message>
    <message>
        <source>Record the time now</source>
        <translation>记录当前时间</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Number of groups:</source>
        <translation>分组数：</translation>
    </message>
    <message>
        <source>At most this many per group:</source>
        <translation>每组最多人数：</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Each group starts a tour this many minutes after the group before.</source>
        <translation>每组比前一组晚这么多分钟开始参观。</translation>
    </message>
    <message>
        <source>Each group starts at a different stop</source>
        <translation>各组从不同参观点开始（轮换参观）</translation>
    </message>
    <message>
        <source>Group 2 starts at the second stop, group 3 at the third …, and each goes round to the stops before. Meetings and surveys are held with everybody together.</source>
        <translation>第2组从第二个参观点开始，第3组从第三个开始……各组依次轮换，最后参观前面的点位。座谈会和问卷由全体人员一起进行。</translation>
    </message>
    <message>
        <source>&amp;Put people into groups</source>
        <translation>人员分组(&amp;P)</translation>
    </message>
    <message>
        <source>Deal the confirmed participants out over the groups, mixing the categories.</source>
        <translation>将已确认的参加人员依次分到各组，各类别人员均匀搭配。</translation>
    </message>
    <message>
        <source>Who is in which group…</source>
        <translation>查看和调整分组名单…</translation>
    </message>
    <message>
        <source>Each group starts later by:</source>
        <translation>各组间隔：</translation>
    </message>
    <message>
        <source>The programme is empty. Add items with Add, or pick from the common stops.</source>
        <translation>流程还是空的。请点击“添加”，或从常用参观点中选择。</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>共{count}项</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>{start}至{end}</translation>
    </message>
    <message>
        <source>{minutes} minutes before the end time {limit}</source>
        <translation>比结束时间{limit}早{minutes}分钟</translation>
    </message>
    <message>
        <source>{minutes} minutes after the end time {limit}</source>
        <translation>比结束时间{limit}晚{minutes}分钟</translation>
    </message>
    <message>
        <source>Programme: </source>
        <translation>流程：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>✔ Nothing to fix: the programme fits.</source>
        <translation>✔ 无需调整：流程安排合理。</translation>
    </message>
    <message>
        <source>{people} confirmed</source>
        <translation>已确认{people}人</translation>
    </message>
    <message>
        <source>{people} places planned</source>
        <translation>计划{people}人</translation>
    </message>
    <message>
        <source>{count} groups of up to {size}</source>
        <translation>分{count}组，每组最多{size}人</translation>
    </message>
    <message>
        <source>in the groups: {sizes}</source>
        <translation>各组人数：{sizes}</translation>
    </message>
    <message>
        <source>{count} without a group</source>
        <translation>{count}人未分组</translation>
    </message>
    <message>
        <source>one group</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Record start (F9)</source>
        <translation>记录开始（F9）</translation>
    </message>
    <message>
        <source>▶ Start “{item}” now (F9)</source>
        <translation>▶ 现在开始“{item}”（F9）</translation>
    </message>
    <message>
        <source>■ End “{item}” now (F9)</source>
        <translation>■ 现在结束“{item}”（F9）</translation>
    </message>
    <message>
        <source>“{item}” recorded {start}–{end}</source>
        <translation>“{item}”已记录 {start}–{end}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未能保存</translation>
    </message>
    <message>
        <source>{count} items added.</source>
        <translation>已添加{count}项。</translation>
    </message>
    <message>
        <source>“{item}” deleted. Ctrl+Z brings it back.</source>
        <translation>已删除“{item}”。按Ctrl+Z可恢复。</translation>
    </message>
    <message>
        <source>“{item}” is back.</source>
        <translation>已恢复“{item}”。</translation>
    </message>
    <message>
        <source>People put into {count} groups ({sizes}).</source>
        <translation>已将人员分为{count}组（{sizes}）。</translation>
    </message>
    <message>
        <source>“{item}” started at {time}.</source>
        <translation>“{item}”于{time}开始。</translation>
    </message>
    <message>
        <source>“{item}” ended at {time}.</source>
        <translation>“{item}”于{time}结束。</translation>
    </message>
</context>
<context>
    <name>RouteTableModel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>讲解人</translation>
    </message>
    <message>
        <source>Shown or explained</source>
        <translation>讲解内容</translation>
    </message>
    <message>
        <source>Transfer by</source>
        <translation>转场方式</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Fixed at</source>
        <translation>固定时间</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>富余</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>实际结束</translation>
    </message>
    <message>
        <source>vs plan</source>
        <translation>与计划差</translation>
    </message>
    <message>
        <source>{minutes} minutes to spare before this fixed time.</source>
        <translation>距固定时间还富余{minutes}分钟。</translation>
    </message>
    <message>
        <source>The items before run {minutes} minutes into this fixed time.</source>
        <translation>前面的项目超出固定时间{minutes}分钟。</translation>
    </message>
    <message>
        <source>Started {delay} minutes against the plan.</source>
        <translation>开始时间与计划相差{delay}分钟。</translation>
    </message>
    <message>
        <source>Took {delta} minutes against the plan.</source>
        <translation>用时与计划相差{delta}分钟。</translation>
    </message>
    <message>
        <source>Type a clock time (e.g. 11:00) to fix this item&apos;s start; leave it empty to let it follow the item before.</source>
        <translation>填写时刻（如11:00）可固定该项目的开始时间；留空则紧接上一项目开始。</translation>
    </message>
</context>
<context>
    <name>RouteTimelineWidget</name>
    <message>
        <source>No timed items yet</source>
        <translation>暂无带时间的流程项目</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Group {n}</source>
        <translation>第{n}组</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Fixed time</source>
        <translation>固定时间</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the row up (in a table)</source>
        <translation>上移该行（表格中）</translation>
    </message>
    <message>
        <source>Move the row down (in a table)</source>
        <translation>下移该行（表格中）</translation>
    </message>
    <message>
        <source>Remove the row (in a table)</source>
        <translation>删除该行（表格中）</translation>
    </message>
    <message>
        <source>Add a row (in a table)</source>
        <translation>添加一行（表格中）</translation>
    </message>
</context>
<context>
    <name>SectionsPage</name>
    <message>
        <source>&amp;New section</source>
        <translation>新增章节(&amp;N)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the section up</source>
        <translation>上移该部分</translation>
    </message>
    <message>
        <source>Move the section down</source>
        <translation>下移该部分</translation>
    </message>
    <message>
        <source>Remove the section</source>
        <translation>删除该部分</translation>
    </message>
    <message>
        <source>Bring back the section removed last</source>
        <translation>恢复最近删除的部分</translation>
    </message>
    <message>
        <source>Sections (drag to reorder):</source>
        <translation>章节（可拖动排序）：</translation>
    </message>
    <message>
        <source>Heading, e.g. 总体要求</source>
        <translation>标题，例如：总体要求</translation>
    </message>
    <message>
        <source>One paragraph per line. Lines may start with their own （一） or 1.</source>
        <translation>每行一段；可自行以（一）或1.开头。</translation>
    </message>
    <message>
        <source>&amp;Boilerplate…</source>
        <translation>常用表述(&amp;B)…</translation>
    </message>
    <message>
        <source>Heading:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Leave the text empty and the plan writes this section from the structured parts (categories, leading group, registration …); type here to replace it with your own words.</source>
        <translation>正文留空时，方案会根据结构化信息（邀请类别、领导小组、报名方式等）自动生成本节；在此输入则以您的文字为准。</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新增章节</translation>
    </message>
    <message>
        <source>Section removed. Ctrl+Z in the list brings it back.</source>
        <translation>章节已删除。在章节列表中按 Ctrl+Z 可恢复。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Alt and the underlined letter presses a button or opens a menu; Tab moves to the next field; Ctrl+Tab and Ctrl+Shift+Tab show the next and the previous page inside a tab (Feedback: notes, suggestions, survey).</source>
        <translation>按 Alt 加带下划线的字母可按下按钮或打开菜单；按 Tab 键移到下一个输入框；按 Ctrl+Tab、Ctrl+Shift+Tab 可在页面内的分页之间切换（如“意见”页的座谈会记录、意见建议台账、满意度测评）。</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>(a shortcut of this page)</source>
        <translation>（本页的快捷键）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
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

Restore the newest backup, made {time} ({backup})? Whatever was entered after {time} is not in it and will be missing. The damaged file is kept beside it under a new name.</source>
        <translation>{message}

是否恢复最近的备份（{time}，{backup}）？{time} 之后录入的内容不在备份中，恢复后将缺失。损坏的文件会改名保留在原处。</translation>
    </message>
    <message>
        <source>No backup today</source>
        <translation>今天没有备份</translation>
    </message>
    <message>
        <source>Check the clock</source>
        <translation>请核对时钟</translation>
    </message>
    <message>
        <source>{app}

Opening…</source>
        <translation>{app}

正在打开…</translation>
    </message>
    <message>
        <source>Open Day Desk</source>
        <translation>政府开放日工作台</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Count check-ins made &amp;before the event day as arrivals</source>
        <translation>活动日前的签到计入到场人数(&amp;B)</translation>
    </message>
    <message>
        <source>Only when those people really took part (the date was moved, they were admitted the evening before); not for a rehearsal or a test of the scanner.</source>
        <translation>仅当这些人确实参加了活动（活动改期、前一天晚上已入场）时勾选；彩排或测试扫码枪的签到不要计入。</translation>
    </message>
    <message>
        <source>Attendance by category</source>
        <translation>各类别到场情况</translation>
    </message>
    <message>
        <source>In numbers</source>
        <translation>数据概览</translation>
    </message>
    <message>
        <source>Arrivals every 10 minutes</source>
        <translation>每 10 分钟到场人数</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度测评</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>规则检查</translation>
    </message>
    <message>
        <source>Implementation (within 3 days)</source>
        <translation>活动实施情况（3日内）</translation>
    </message>
    <message>
        <source>Summary and evaluation (within 15 days)</source>
        <translation>总结评估报告（15日内）</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>&amp;Draft again from the data…</source>
        <translation>按数据重新生成草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;implementation…</source>
        <translation>导出实施情况(&amp;I)…</translation>
    </message>
    <message>
        <source>Export &amp;summary…</source>
        <translation>导出总结报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Invitee list with full ID numbers (internal archive only)</source>
        <translation>邀请名单含完整身份证号（仅供内部存档）</translation>
    </message>
    <message>
        <source>Write the filing &amp;package…</source>
        <translation>生成归档包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Verify a filing package…</source>
        <translation>校验归档包(&amp;V)…</translation>
    </message>
    <message>
        <source>Undo the last change of the photos</source>
        <translation>撤销对照片的上一次修改</translation>
    </message>
    <message>
        <source>Drafts are written from the data until you edit them; every edit is saved as you type.</source>
        <translation>修改之前，草稿随数据自动生成；修改内容随输入自动保存。</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>没有缺项。</translation>
    </message>
    <message>
        <source>By status: </source>
        <translation>按状态：</translation>
    </message>
    <message>
        <source>Past the reply deadline: </source>
        <translation>已超过答复期限：</translation>
    </message>
    <message>
        <source>Arrived {arrived} of {quota} planned ({rate}); walk-ins {walk_ins}</source>
        <translation>计划 {quota} 人，实到 {arrived} 人（{rate}）；现场报名 {walk_ins} 人</translation>
    </message>
    <message>
        <source>{count} person(s) were checked in only before the event day (a rehearsal, a test): not counted as arrivals.</source>
        <translation>{count}人仅在活动日前签到（彩排或测试），未计入到场人数。</translation>
    </message>
    <message>
        <source>Public representatives among arrivals: {share}</source>
        <translation>到场人员中群众代表占 {share}</translation>
    </message>
    <message>
        <source>Suggestions {total}: replied {replied} ({on_time} on time), overdue {overdue}</source>
        <translation>意见建议 {total} 条：已答复 {replied} 条（按期 {on_time} 条），超期未答复 {overdue} 条</translation>
    </message>
    <message>
        <source>Survey forms {count}, satisfied {rate}</source>
        <translation>满意度测评表 {count} 份，满意率 {rate}</translation>
    </message>
    <message>
        <source>Draft again</source>
        <translation>重新生成草稿</translation>
    </message>
    <message>
        <source>Replace both texts with new drafts from the data as it is now? Your edits of them are lost.</source>
        <translation>用当前数据重新生成两份草稿并替换现有文字吗？已做的修改将丢失。</translation>
    </message>
    <message>
        <source>(Ctrl+Z undoes)</source>
        <translation>（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Write the filing package into</source>
        <translation>将归档包写入</translation>
    </message>
    <message>
        <source>A new signing key was made: {fingerprint}. The package&apos;s 归档目录 will note the change.</source>
        <translation>已生成新的签名密钥：{fingerprint}。下一个归档包的归档目录将注明此次更换。</translation>
    </message>
    <message>
        <source>Package signing key</source>
        <translation>归档包签名密钥</translation>
    </message>
    <message>
        <source>The key that signs this office&apos;s filing packages is missing:
{path}
(fingerprint {fingerprint}).

If you have a backup of the data folder, cancel and put the file back. Otherwise a new key can be made: packages will then carry a new fingerprint, which the office that registered the old one must be told of. The change is recorded in the audit log and printed on the next package&apos;s 归档目录.

Make a new key?</source>
        <translation>本单位用于签名归档包的密钥不见了：
{path}
（指纹 {fingerprint}）。

如有数据文件夹的备份，请取消并把该文件放回原处。否则可以生成新密钥：此后的归档包将带有新的指纹，须告知登记了原指纹的单位。此次更换将记入操作日志，并在下一个归档包的归档目录中注明。

生成新密钥吗？</translation>
    </message>
    <message>
        <source>Reading the filing package back…</source>
        <translation>正在读取并校验归档包…</translation>
    </message>
    <message>
        <source>Choose the folder of a filing package</source>
        <translation>选择归档包所在的文件夹</translation>
    </message>
    <message>
        <source>Verify a filing package</source>
        <translation>校验归档包</translation>
    </message>
    <message>
        <source>Writing and verifying the filing package…</source>
        <translation>正在生成并校验归档包…</translation>
    </message>
    <message>
        <source>Filing package written and verified: {path}</source>
        <translation>归档包已生成并校验无误：{path}</translation>
    </message>
    <message>
        <source>Filing package</source>
        <translation>归档包</translation>
    </message>
    <message>
        <source>{files} files ({size:.1f} MB) were written to
{path}
and read back unchanged.</source>
        <translation>已将 {files} 个文件（{size:.1f} MB）写入
{path}
并已回读校验，内容一致。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The package could not be written to {folder}: {reason}. Nothing that looks complete was left there; choose another folder or free some space.</source>
        <translation>归档包无法写入 {folder}：{reason}。该处没有留下看似完整的归档包；请选择其他文件夹或腾出空间。</translation>
    </message>
</context>
<context>
    <name>SurveyChart</name>
    <message>
        <source>No forms entered yet</source>
        <translation>尚未录入测评表</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete form</source>
        <translation>删除该表</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Delete the survey form</source>
        <translation>删除该份测评表</translation>
    </message>
    <message>
        <source>Make a &amp;suggestion of it</source>
        <translation>转为意见建议(&amp;S)</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>测评表题目</translation>
    </message>
    <message>
        <source>Enter paper forms</source>
        <translation>录入纸质测评表</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Written answer</source>
        <translation>文字意见</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>统计结果</translation>
    </message>
    <message>
        <source>Written answers</source>
        <translation>文字意见</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评价题</translation>
    </message>
    <message>
        <source>written</source>
        <translation>开放题</translation>
    </message>
    <message>
        <source>Type one digit per rating question (%1 questions): %2, 0 = left blank. Enter saves the form and starts the next.</source>
        <translation>每道评价题输入一个数字（共 %1 题）：%2，0 = 未填。按 Enter 保存本表并录入下一张。</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) entered</source>
        <translation>
            <numerusform>已录入 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>Satisfaction (satisfied + fairly satisfied): &lt;b&gt;%1&lt;/b&gt; over %2 answer(s) on %3 form(s)</source>
        <translation>满意率（满意+比较满意）：&lt;b&gt;%1&lt;/b&gt;（%3 份测评表，有效评价 %2 项）</translation>
    </message>
    <message>
        <source>Form not saved</source>
        <translation>测评表未保存</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度测评</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>删除题目</translation>
    </message>
    <message>
        <source>Delete “%1”? Its answers on the forms already entered are no longer counted.</source>
        <translation>删除“%1”？已录入测评表中该题的回答将不再统计。</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>No dates yet.</source>
        <translation>尚无日期。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>VenueNetwork</name>
    <message>
        <source>Venue network: this computer is the hub ({url}), {count} devices paired</source>
        <translation>现场网络：本机为主机（{url}），已配对 {count} 台设备</translation>
    </message>
    <message>
        <source>Venue network: the hub cannot be reached; nothing waits here, the other doors&apos; check-ins come when it is back</source>
        <translation>现场网络：无法连接主机；本机没有待发送的签到记录，恢复连接后自动接收其他入口的签到</translation>
    </message>
    <message>
        <source>Venue network: the hub cannot be reached; {count} check-in actions queued here, sent when it is back</source>
        <translation>现场网络：无法连接主机；本机有 {count} 条签到记录待发送，恢复连接后自动发送</translation>
    </message>
    <message>
        <source>Venue network: joined to the hub, counts are the whole venue&apos;s</source>
        <translation>现场网络：已连接主机，统计为全场数据</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a filing package</source>
        <translation>校验归档包</translation>
    </message>
    <message>
        <source>&amp;Trust this key…</source>
        <translation>信任此密钥(&amp;T)…</translation>
    </message>
    <message>
        <source>The package verifies: every file is as its signed list says.</source>
        <translation>校验通过：每个文件都与签名的文件清单一致。</translation>
    </message>
    <message>
        <source>The package does NOT verify.</source>
        <translation>校验未通过。</translation>
    </message>
    <message>
        <source>Folder: {folder}
Files listed: {files}</source>
        <translation>文件夹：{folder}
清单中的文件：{files} 个</translation>
    </message>
    <message>
        <source>Changed since it was signed</source>
        <translation>签名后被改动</translation>
    </message>
    <message>
        <source>Listed but missing</source>
        <translation>清单中有、实际缺少</translation>
    </message>
    <message>
        <source>Not in the signed list</source>
        <translation>不在签名的清单中</translation>
    </message>
    <message>
        <source>Does not open as the document it should be</source>
        <translation>无法作为应有的文件打开</translation>
    </message>
    <message>
        <source>Documents a complete package holds that are missing</source>
        <translation>完整归档包应有而缺少的文件</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> 等，另有 {n} 个</translation>
    </message>
    <message>
        <source>It is a draft: its documents are marked 草稿, not for filing.</source>
        <translation>这是草稿：其中的文件均标注“草稿”，不能归档。</translation>
    </message>
    <message>
        <source>The list of files carries no signature: nobody vouches for it.</source>
        <translation>文件清单没有签名：无法确认其来源。</translation>
    </message>
    <message>
        <source>The signature does not match the list of files: something was changed after it was signed.</source>
        <translation>签名与文件清单不符：签名后有内容被改动。</translation>
    </message>
    <message>
        <source>Signed by the key {fingerprint}, but the package&apos;s 归档目录 prints {printed}: the package was signed again by someone else after it was written. Do not file it; ask the unit for its package again.</source>
        <translation>签名密钥为 {fingerprint}，但归档包自身的归档目录印的是 {printed}：归档包写出后被他人重新签名。请勿归档，请向该单位重新索取归档包。</translation>
    </message>
    <message>
        <source>Signed by this installation&apos;s key ({fingerprint}).</source>
        <translation>由本机的密钥签名（{fingerprint}）。</translation>
    </message>
    <message>
        <source>Signed by the trusted key “{name}” ({fingerprint}).</source>
        <translation>由已信任的密钥“{name}”签名（{fingerprint}）。</translation>
    </message>
    <message>
        <source>Signed by an unknown key ({fingerprint}): neither this installation&apos;s nor one it trusts. Compare the fingerprint with the one the unit registered; if it is theirs, trust the key under the unit&apos;s name and verify again.</source>
        <translation>由未知密钥签名（{fingerprint}）：既不是本机的密钥，也不是已信任的密钥。请将指纹与该单位登记的指纹核对；确属该单位的，以单位名称信任此密钥后再校验。</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>信任此密钥</translation>
    </message>
    <message>
        <source>Whose key is {fingerprint}? (the unit or installation, as it will be named when its packages are verified)</source>
        <translation>密钥 {fingerprint} 属于谁？（填写单位或安装名称，校验其归档包时将显示此名称）</translation>
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
        <source>Demo of a held &amp;event</source>
        <translation>已举办活动的演示(&amp;E)</translation>
    </message>
    <message>
        <source>The demo event as it looks 10 days after the day: check-ins, meeting notes, suggestions and survey forms</source>
        <translation>活动举办 10 天后的示例：签到、座谈会记录、意见建议和满意度测评表</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an event brought on a USB stick (&amp;bundle file)…</source>
        <translation>打开从 U 盘带来的活动（数据包）(&amp;B)…</translation>
    </message>
    <message>
        <source>Join the venue network of another computer (&amp;pairing code)…</source>
        <translation>加入另一台电脑的现场网络（配对码）(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>cls</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>The user guide is not on this computer ({path}). It is in the docs folder of the program&apos;s source and of the installed build.</source>
        <translation>本机上找不到使用说明（{path}）。它位于程序源代码和安装包的 docs 文件夹中。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>The database {path} does not exist. Check the path, or create it with &apos;openday demo --db {path}&apos; or by opening it in the app.</source>
        <translation>数据库 {path} 不存在。请检查路径，或用“openday demo --db {path}”创建，或在程序中打开它。</translation>
    </message>
    <message>
        <source>Cannot write into the folder {path}: {error}. Choose a folder you can write to (a USB stick may be full or read-only).</source>
        <translation>无法写入文件夹 {path}：{error}。请选择可写入的文件夹（U盘可能已满或处于只读状态）。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command ({error}). Details are in the log file {log}.</source>
        <translation>命令因意外错误中止（{error}）。详细信息见日志文件 {log}。</translation>
    </message>
    <message>
        <source>Cannot read the codes file {path}: {error}. Check the path.</source>
        <translation>无法读取参观证号文件 {path}：{error}。请检查路径。</translation>
    </message>
    <message>
        <source>{code}: the holder is {status}, not confirmed; not admitted. Admit them in the check-in tab if they may come in.</source>
        <translation>{code}：持证人状态为“{status}”，未确认，未签到。如准予入场，请在签到页处理。</translation>
    </message>
    <message>
        <source>No passphrase: give --passphrase-env VAR (the name of an environment variable holding it), or run the command in a terminal to type it.</source>
        <translation>没有密码：请用 --passphrase-env VAR 指定保存密码的环境变量名，或在终端中运行该命令以输入密码。</translation>
    </message>
    <message>
        <source>The environment variable {var} is not set or is empty; it should hold the bundle&apos;s passphrase.</source>
        <translation>环境变量 {var} 未设置或为空；它应保存数据包的密码。</translation>
    </message>
    <message>
        <source>Passphrase of the bundle: </source>
        <translation>数据包密码：</translation>
    </message>
    <message>
        <source>The same passphrase again: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>{error} The check-ins printed as &quot;ok&quot; are saved; these lines of the codes file were not processed: {lines}. Run the command again with them.</source>
        <translation>{error}已显示“ok”的签到均已保存；签到码文件中以下各行未处理：{lines}。请用这些行再运行一次本命令。</translation>
    </message>
    <message>
        <source>Sheet read: {sheet}</source>
        <translation>读取的工作表：{sheet}</translation>
    </message>
    <message>
        <source>This computer has no address on a local network: connect it to the venue&apos;s router or hotspot, or give the address to listen on with --bind.</source>
        <translation>本机没有局域网地址：请连接现场的路由器或热点，或用 --bind 指定监听地址。</translation>
    </message>
    <message>
        <source>The hub cannot listen on {address} ({error}). Choose another port with --port, or an address of this computer with --bind.</source>
        <translation>主机无法在 {address} 上监听（{error}）。请用 --port 换一个端口，或用 --bind 指定本机的其他地址。</translation>
    </message>
    <message>
        <source>{sent} check-in actions sent to the hub, {received} received</source>
        <translation>已向主机发送 {sent} 条签到记录，接收 {received} 条</translation>
    </message>
    <message>
        <source>Joined the hub: event {event} is on this device.</source>
        <translation>已加入现场网络：活动 {event} 已在本机。</translation>
    </message>
    <message>
        <source>{title}: {added} added, {updated} updated, {unchanged} unchanged, {checkins} check-ins added, {conflicts} conflicts (the values here were kept), {duplicates} people admitted on two devices (counted once)</source>
        <translation>{title}：新增 {added} 条，修改 {updated} 条，未变 {unchanged} 条，新增签到 {checkins} 条，冲突 {conflicts} 处（保留了本机的值），{duplicates} 人在两台设备上签到（只计一次）</translation>
    </message>
    <message>
        <source>No display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): start openday from the desktop, or set QT_QPA_PLATFORM (e.g. offscreen).</source>
        <translation>没有可显示窗口的桌面（未设置 DISPLAY 和 WAYLAND_DISPLAY）：请在桌面环境中启动 openday，或设置 QT_QPA_PLATFORM（例如 offscreen）。</translation>
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
        <source>The first two digits of the ID number are not a province&apos;s code: check it for a typing error.</source>
        <translation>身份证号的前两位不是有效的省级行政区代码：请检查是否输错。</translation>
    </message>
    <message>
        <source>The birth date inside the ID number is in the future: check it for a typing error.</source>
        <translation>身份证号中的出生日期晚于今天：请检查是否输错。</translation>
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
        <source>The disk of {path} is full ({free} free; about {needed} is needed). The database is not damaged and was not changed. Free some space on that disk (empty the recycle bin, move old files away) or copy the database to a disk with space, then open it again.</source>
        <translation>{path} 所在的磁盘已满（剩余 {free}，约需 {needed}）。数据库没有损坏，也没有被改动。请清理该磁盘的空间（清空回收站、移走旧文件），或将数据库复制到有空间的磁盘，然后重新打开。</translation>
    </message>
    <message>
        <source>The disk reported an error while {path} was read or written ({detail}). This says nothing about the database itself, which was not changed. Check that the disk or USB stick is plugged in and working, or copy the file to another disk, then open it again.</source>
        <translation>读写 {path} 时磁盘报告错误（{detail}）。这并不说明数据库本身有问题，数据库没有被改动。请检查磁盘或U盘是否插好、能否正常使用，或将文件复制到其他磁盘，然后重新打开。</translation>
    </message>
    <message>
        <source>{path} could not be opened, or the files SQLite keeps beside it (-wal, -shm) could not be made ({detail}). The database was not changed. Check that the folder is writable and the disk has space, or copy the file to another folder, then open it again.</source>
        <translation>无法打开 {path}，或无法在其旁边创建 SQLite 需要的文件（-wal、-shm）（{detail}）。数据库没有被改动。请检查文件夹是否可写、磁盘是否有空间，或将文件复制到其他文件夹，然后重新打开。</translation>
    </message>
    <message>
        <source>{path} is already open in another Open Day Desk window{holder}. Switch to that window, or close it first.</source>
        <translation>{path} 已在另一个开放日工作台窗口中打开{holder}。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>An openday command is writing to {path} right now. Open it again when the command has finished; nothing was changed.</source>
        <translation>另一个程序（openday 命令）正在写入 {path}。请待该命令完成后再打开；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>Another program is writing to {path} and did not finish in time ({detail}). Nothing was lost; try again in a moment.</source>
        <translation>另一个程序正在写入 {path}，等待后仍未完成（{detail}）。已保存的内容没有丢失，请稍后再试。</translation>
    </message>
    <message>
        <source>{path} is open in the Open Day Desk window{holder}; while it is open, only the window changes it. Do this in the window, or close the window and run the command again. Nothing was changed.</source>
        <translation>{path} 正在开放日工作台窗口中打开{holder}；窗口打开期间只能由该窗口修改它。请在窗口中操作，或关闭窗口后再运行本命令。数据库未作任何改动。</translation>
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
    <message>
        <source>Today&apos;s automatic backup of {path} could not be written ({error}); the database itself is fine and was opened. Free some space on its disk so that the next backup can be made.</source>
        <translation>今天 {path} 的自动备份未能写入（{error}）；数据库本身正常，已打开。请清理其所在磁盘的空间，以便下次备份。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock shows {now}, earlier than {what} ({then}). Check-in times, reply deadlines and the order of backups depend on it: set the date, time and time zone right before going on.</source>
        <translation>此电脑的时钟显示 {now}，早于{what}（{then}）。签到时间、答复期限和备份顺序都以时钟为准：请先把日期、时间和时区调准再继续。</translation>
    </message>
    <message>
        <source>the last change to this database</source>
        <translation>本数据库最后一次修改的时间</translation>
    </message>
    <message>
        <source>the newest backup of this database</source>
        <translation>本数据库最新一次备份的时间</translation>
    </message>
    <message>
        <source>File the plan with the open-government office (报备)</source>
        <translation>报政务公开办审核备案</translation>
    </message>
    <message>
        <source>Publish the announcement (公告)</source>
        <translation>发布活动公告</translation>
    </message>
    <message>
        <source>Registration closes</source>
        <translation>报名截止</translation>
    </message>
    <message>
        <source>Open Day</source>
        <translation>开放日活动</translation>
    </message>
    <message>
        <source>Publish how the day went (实施情况)</source>
        <translation>发布活动实施情况</translation>
    </message>
    <message>
        <source>Summary and evaluation (总结评估)</source>
        <translation>总结评估</translation>
    </message>
    <message>
        <source>Answer the suggestions (意见反馈)</source>
        <translation>意见建议反馈</translation>
    </message>
    <message>
        <source>Report to the open-government office</source>
        <translation>向政务公开办报送开展情况</translation>
    </message>
    <message>
        <source>done on {date}</source>
        <translation>已于{date}完成</translation>
    </message>
    <message>
        <source>overdue by {days} days</source>
        <translation>已逾期{days}天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>还有{days}天到期</translation>
    </message>
    <message>
        <source>no date yet</source>
        <translation>尚无日期</translation>
    </message>
    <message>
        <source>The invitees add up to {total}; an Open Day needs at least {minimum}. Raise the categories&apos; quotas in the Plan tab.</source>
        <translation>邀请人数合计{total}人，未达到不少于{minimum}人的要求：请在“方案”页提高各类别名额。</translation>
    </message>
    <message>
        <source>Public representatives (群众代表) have {public} of the {total} places ({percent}); they need at least {required}. Add {more} more public places, or mark more categories as 群众代表, in the Plan tab.</source>
        <translation>群众代表名额{public}人，占邀请总人数{total}人的{percent}，低于{required}的要求：请在“方案”页再增加{more}个群众代表名额，或将更多类别计为群众代表。</translation>
    </message>
    <message>
        <source>The announcement (公告) has no date. Publish it by {latest} at the latest ({days} days before the event) and enter the date in the Plan tab.</source>
        <translation>公告尚未填写发布日期：最迟应于{latest}发布（活动前{days}天），请在“方案”页填写发布日期。</translation>
    </message>
    <message>
        <source>Neither the event nor the announcement (公告) has a date. In the Plan tab, set the event date, then an announcement date at least {days} days before it.</source>
        <translation>活动日期和公告发布日期均未填写：请在“方案”页先填写活动日期，再填写至少提前{days}天的公告发布日期。</translation>
    </message>
    <message>
        <source>The announcement (公告) on {announced} is only {lead} days before the event; it must be at least {days}. Publish it by {latest} at the latest, or move the event.</source>
        <translation>公告发布日期{announced}距活动仅{lead}天，少于{days}天的要求：请最迟于{latest}发布公告，或调整活动日期。</translation>
    </message>
    <message>
        <source>The announcement (公告) on {announced} is not before the event on {event}. Publish it by {latest} at the latest ({days} days before the event).</source>
        <translation>公告发布日期{announced}不早于活动日期{event}：公告最迟应于{latest}发布（活动前{days}天）。</translation>
    </message>
    <message>
        <source>The plan has no filing (报备) date. File it with the open-government office (政务公开办) before the announcement is published, and enter the date in the Plan tab.</source>
        <translation>尚未填写报备日期：请在发布公告前将方案报政务公开办审核备案，并在“方案”页填写报备日期。</translation>
    </message>
    <message>
        <source>The plan has no filing (报备) date. File it with the open-government office (政务公开办) by {suggested}, {days} days before the announcement, and enter the date in the Plan tab.</source>
        <translation>尚未填写报备日期：请于{suggested}前（公告发布前{days}天）将方案报政务公开办审核备案，并在“方案”页填写报备日期。</translation>
    </message>
    <message>
        <source>The plan is filed (报备) on {filed}, after the announcement on {announced}. It must be filed before the announcement is published: change one of the two dates in the Plan tab.</source>
        <translation>报备日期{filed}晚于公告发布日期{announced}：方案须在公告发布前报备，请在“方案”页调整其中一个日期。</translation>
    </message>
    <message>
        <source>The announcement would lack: {items}. It must contain all {count} items; fill them in the Plan tab.</source>
        <translation>公告缺少以下内容：{items}。公告须包含全部{count}项内容，请在“方案”页补充。</translation>
    </message>
    <message>
        <source>The programme has neither a discussion meeting (座谈会) nor a questionnaire (问卷调查); an Open Day must include one of them. Add it to the agenda in the Plan tab.</source>
        <translation>活动流程中既没有座谈会，也没有问卷调查：开放日活动须安排座谈问答或问卷调查，请在“方案”页的活动流程中添加。</translation>
    </message>
    <message>
        <source>There is no registration deadline. Set one in the Plan tab, after the announcement and before the event.</source>
        <translation>尚未设置报名截止日期：请在“方案”页设置，日期应在公告发布之后、活动之前。</translation>
    </message>
    <message>
        <source>The registration deadline {deadline} is after the event on {event}. Move it before the event in the Plan tab.</source>
        <translation>报名截止日期{deadline}晚于活动日期{event}：请在“方案”页将其提前到活动之前。</translation>
    </message>
    <message>
        <source>The registration deadline {deadline} is before the announcement on {announced}, so nobody could sign up. Move it after the announcement in the Plan tab.</source>
        <translation>报名截止日期{deadline}早于公告发布日期{announced}，公众无从报名：请在“方案”页将其改到公告发布之后。</translation>
    </message>
    <message>
        <source>The title uses {terms}: this activity is called “政府开放日”. Rename it in the Plan tab.</source>
        <translation>标题使用了{terms}：本活动应称为“政府开放日”，请在“方案”页修改标题。</translation>
    </message>
    <message>
        <source>The section “{heading}” uses {terms}: this activity is called “政府开放日”. Change the wording in the Plan tab.</source>
        <translation>章节“{heading}”使用了{terms}：本活动应称为“政府开放日”，请在“方案”页修改相关表述。</translation>
    </message>
    <message>
        <source>The title “{title}” does not say “政府开放日”. Use the official name, e.g. {example}.</source>
        <translation>标题“{title}”中没有“政府开放日”字样：请使用规范名称，如：{example}。</translation>
    </message>
    <message>
        <source>The contact person and the contact phone are empty. Enter both in the Plan tab: the announcement must say whom to call.</source>
        <translation>联系人和联系电话均未填写：公告须写明联系人及联系电话，请在“方案”页填写。</translation>
    </message>
    <message>
        <source>The contact person is empty. Enter a name in the Plan tab: the announcement must say whom to call.</source>
        <translation>联系人未填写：公告须写明联系人，请在“方案”页填写姓名。</translation>
    </message>
    <message>
        <source>The contact phone is empty. Enter a number in the Plan tab: the announcement must give a number to call.</source>
        <translation>联系电话未填写：公告须提供联系电话，请在“方案”页填写号码。</translation>
    </message>
    <message>
        <source>The contact phone is neither an 11-digit mobile number nor a landline with its area code, and the announcement prints it as it is. Correct it in the Plan tab so that people can call.</source>
        <translation>联系电话既不是11位手机号，也不是带区号的固定电话，公告会照原样印出。请在“方案”页改正，以便群众来电咨询。</translation>
    </message>
    <message>
        <source>The event on {date} falls on {holiday}, a public holiday: the hall is closed and few people come. Move it to a working day (the next is {suggested}) in the Plan tab.</source>
        <translation>活动日期 {date} 是法定节假日（{holiday}）：大厅不办公，群众也难以参加。请在“方案”页改到工作日（最近的是 {suggested}）。</translation>
    </message>
    <message>
        <source>The event on {date} falls on a weekend: an Open Day shows the office at work. Move it to a working day (the next is {suggested}) in the Plan tab.</source>
        <translation>活动日期 {date} 是周末：政府开放日应展示机关正常办公的情况。请在“方案”页改到工作日（最近的是 {suggested}）。</translation>
    </message>
    <message>
        <source>(The holiday arrangement for {year} is not published in the app&apos;s calendar yet: only the fixed-date holidays and weekends are known.)</source>
        <translation>（本软件的日历尚未收录 {year} 年的节假日安排：只知道固定日期的节日和周末。）</translation>
    </message>
    <message>
        <source>Category “{name}” is only a number: name the category in words (e.g. 群众代表) and put the number of places in 名额.</source>
        <translation>类别“{name}”只有数字：请用文字写明类别（如“群众代表”），人数请填在“名额”一栏。</translation>
    </message>
    <message>
        <source>There is no boilerplate &apos;{key}&apos; for this section.</source>
        <translation>本节没有名为“{key}”的常用表述。</translation>
    </message>
    <message>
        <source>The plan has no field named &apos;{field}&apos;.</source>
        <translation>方案中没有名为“{field}”的字段。</translation>
    </message>
    <message>
        <source>That row no longer exists (it was deleted). Reload the list.</source>
        <translation>该行已不存在（已被删除），请刷新列表。</translation>
    </message>
    <message>
        <source>The table has no field named &apos;{field}&apos;.</source>
        <translation>表格中没有名为“{field}”的字段。</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not a whole number of 0 or more.</source>
        <translation>{field}：“{value}”不是大于等于0的整数。</translation>
    </message>
    <message>
        <source>{path} is not a template: it is not valid JSON ({error}).</source>
        <translation>{path} 不是模板：不是有效的JSON（{error}）。</translation>
    </message>
    <message>
        <source>{path} is not an Open Day Desk template (no &quot;format&quot;: &quot;openday-template&quot;).</source>
        <translation>{path} 不是开放日工作台的模板（缺少 &quot;format&quot;: &quot;openday-template&quot;）。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version (template version {version}); install the newer version.</source>
        <translation>{path} 由更新版本生成（模板版本 {version}），请安装新版本。</translation>
    </message>
    <message>
        <source>Template key &apos;{key}&apos; is missing.</source>
        <translation>模板缺少“{key}”项。</translation>
    </message>
    <message>
        <source>Template key &apos;{key}&apos;: {problem}</source>
        <translation>模板“{key}”项{problem}</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>应为文字。</translation>
    </message>
    <message>
        <source>must be a date written as 2024-09-28, or null.</source>
        <translation>应为 2024-09-28 格式的日期，或 null。</translation>
    </message>
    <message>
        <source>must be a list.</source>
        <translation>应为列表。</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more.</source>
        <translation>应为大于等于0的整数。</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>应为 true 或 false。</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>must be a time written as 09:30, or null.</source>
        <translation>应为 09:30 格式的时间，或 null。</translation>
    </message>
    <message>
        <source>must be an object with name, quota and public.</source>
        <translation>应为包含 name、quota、public 的对象。</translation>
    </message>
    <message>
        <source>must be an object with heading and body.</source>
        <translation>应为包含 heading、body 的对象。</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>应为对象。</translation>
    </message>
    <message>
        <source>is not a known threshold, or its value has the wrong type.</source>
        <translation>不是已知的规则参数，或取值类型不对。</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>未入选</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Invited directly</source>
        <translation>定向邀请</translation>
    </message>
    <message>
        <source>Public call</source>
        <translation>公开报名</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>线下推荐</translation>
    </message>
    <message>
        <source>Registered at the door</source>
        <translation>现场报名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名为空。</translation>
    </message>
    <message>
        <source>The ID number is empty; this event requires one.</source>
        <translation>身份证号为空；本次活动要求填写身份证号。</translation>
    </message>
    <message>
        <source>The phone number is empty; it is needed for the confirmation call.</source>
        <translation>联系电话为空；电话确认需要联系电话。</translation>
    </message>
    <message>
        <source>The ID number is not 18 characters with a valid birth date (or an old 15-digit number).</source>
        <translation>身份证号格式不对：应为18位且出生日期有效（或旧的15位号码）。</translation>
    </message>
    <message>
        <source>The ID number&apos;s last character does not match: check for a typing error.</source>
        <translation>身份证号末位校验码不符：请检查是否录错。</translation>
    </message>
    <message>
        <source>The ID number was stored as a number and lost its last digits (e.g. 6.40422E+17): take it from the original form; it cannot be repaired.</source>
        <translation>身份证号被存成了数字，后几位已丢失（如6.40422E+17）：请从原始报名表重新录入，无法自动修复。</translation>
    </message>
    <message>
        <source>Under 18 on the day of the event: invitees must be adults.</source>
        <translation>活动当天未满18周岁：邀请对象须为成年人。</translation>
    </message>
    <message>
        <source>The phone number is neither an 11-digit mobile nor a landline with its area code.</source>
        <translation>联系电话既不是11位手机号，也不是带区号的固定电话。</translation>
    </message>
    <message>
        <source>The same ID number or phone appears in an earlier row of the file ({other}).</source>
        <translation>文件前面已有相同的身份证号或电话（{other}）。</translation>
    </message>
    <message>
        <source>The same ID number or phone is already on the roster: {other}.</source>
        <translation>名单中已有相同的身份证号或电话：{other}。</translation>
    </message>
    <message>
        <source>The category “{category}” is not one of this event&apos;s categories; add it in the Plan tab or correct the row.</source>
        <translation>类别“{category}”不是本次活动的邀请类别；请在“方案”页添加该类别，或更正这一行。</translation>
    </message>
    <message>
        <source>The gender does not match the ID number (which says {sex}).</source>
        <translation>性别与身份证号不符（身份证号显示为{sex}）。</translation>
    </message>
    <message>
        <source>{category}: {confirmed} people are confirmed for {quota} places. Move {extra} to the waiting list in the Roster tab, or raise the quota in the Plan tab.</source>
        <translation>{category}：名额 {quota} 个，已确认 {confirmed} 人。请在“名单”页将 {extra} 人改为候补，或在“方案”页增加名额。</translation>
    </message>
    <message>
        <source>{count} people on the roster are under 18 on the day of the event ({names}). Invitees must be adults: cancel them in the Roster tab.</source>
        <translation>名单中有 {count} 人活动当天未满18周岁（{names}）。邀请对象须为成年人：请在“名单”页取消其报名。</translation>
    </message>
    <message>
        <source>Registration closed on {deadline} with {confirmed} people confirmed; the event needs at least {minimum}. Invite {missing} more (定向邀请) and confirm them in the Roster tab.</source>
        <translation>报名已于{deadline}截止，已确认 {confirmed} 人，活动至少需要 {minimum} 人。请再定向邀请 {missing} 人，并在“名单”页确认。</translation>
    </message>
    <message>
        <source>{name}: {problems}</source>
        <translation>{name}：{problems}</translation>
    </message>
    <message>
        <source>That person is no longer on the roster (deleted). Reload the list.</source>
        <translation>该人员已不在名单中（已删除），请刷新列表。</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not a roster status.</source>
        <translation>“{status}”不是名单状态。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registered on {date}, after the registration deadline ({deadline}).</source>
        <translation>报名时间为{date}，晚于报名截止日期（{deadline}）。</translation>
    </message>
    <message>
        <source>Registered on {date}, after the day of the event ({event}): check the date in the file.</source>
        <translation>报名时间为{date}，晚于活动日期（{event}）：请核对文件中的日期。</translation>
    </message>
    <message>
        <source>The row is hidden in the sheet (filtered out or hidden by hand); it is imported because the hidden rows were chosen.</source>
        <translation>该行在工作表中被隐藏（被筛选掉或手动隐藏）；因已选择导入隐藏的行，该行一并导入。</translation>
    </message>
    <message>
        <source>The {field} holds an invisible control character (U+{code}) that documents cannot print: retype the {field} in the file and import it again.</source>
        <translation>{field}中含有文书无法打印的不可见控制字符（U+{code}）：请在文件中重新输入{field}后再导入。</translation>
    </message>
    <message>
        <source>The registration time “{value}” cannot be read without a guess (write it as 2024-01-02 09:30, 2024年1月2日 or 20240102; 1/2/2024 could be January or February). First come, first served is decided on it: correct it in the file and import the row again.</source>
        <translation>报名时间“{value}”无法确定（请写成 2024-01-02 09:30、2024年1月2日或20240102；1/2/2024 既可能是1月也可能是2月）。名额按报名先后确定，不能猜测：请在文件中改正后重新导入该行。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>row {row} ({name})</source>
        <translation>第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>{count} rows of the sheet are hidden (filtered out or hidden by hand) and are not imported: {rows}.</source>
        <translation>工作表中有 {count} 行被隐藏（被筛选掉或手动隐藏），不导入：{rows}。</translation>
    </message>
    <message>
        <source>{count} rows of the sheet are hidden (filtered out or hidden by hand) and were not imported: {rows}. Give --include-hidden-rows to import them too.</source>
        <translation>工作表中有 {count} 行被隐藏（被筛选掉或手动隐藏），未导入：{rows}。如需一并导入，请加 --include-hidden-rows。</translation>
    </message>
    <message>
        <source>{count} rows of the sheet are hidden (filtered out or hidden by hand) and are imported too: {rows}.</source>
        <translation>工作表中有 {count} 行被隐藏（被筛选掉或手动隐藏），一并导入：{rows}。</translation>
    </message>
    <message>
        <source>{rows} and {more} more</source>
        <translation>{rows}等，另有 {more} 行</translation>
    </message>
    <message>
        <source>--category {value}={category}: “{category}” is not one of this event&apos;s categories ({categories}). Name one of them, or add it in the Plan tab.</source>
        <translation>--category {value}={category}：“{category}”不是本次活动的邀请类别（{categories}）。请改为其中之一，或先在“方案”页添加该类别。</translation>
    </message>
    <message>
        <source>{path} has no column headed “{header}” (its headers: {headers}); give --column with a header of the file.</source>
        <translation>{path} 中没有表头为“{header}”的列（其表头为：{headers}）；请用该文件的表头给出 --column。</translation>
    </message>
    <message>
        <source>Choose the column that holds the names.</source>
        <translation>请选择姓名所在的列。</translation>
    </message>
    <message>
        <source>The file has no column {column}; choose the columns again.</source>
        <translation>文件中没有第 {column} 列，请重新选择列对应。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}. Close the file if it is open in Excel or WPS, or choose a folder you can write to.</source>
        <translation>无法写入 {path}：{error}。如果该文件已在 Excel 或 WPS 中打开，请先关闭；或选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Rows of {file} not imported ({count}): correct them and import this file again</source>
        <translation>{file} 中未导入的行（{count} 行）：请改正后重新导入本文件</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row {row}: {problems}</source>
        <translation>第 {row} 行：{problems}</translation>
    </message>
    <message>
        <source>{rows} rows: {imported} imported, {rejected} refused.</source>
        <translation>共 {rows} 行：已导入 {imported} 行，未导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>{rows} rows: {valid} can be imported, {rejected} refused (dry run: nothing was imported).</source>
        <translation>共 {rows} 行：可导入 {valid} 行，不能导入 {rejected} 行（试运行：未导入任何数据）。</translation>
    </message>
    <message>
        <source>The refused rows, with their problems, are in {path}.</source>
        <translation>未导入的行及其问题已保存在 {path}。</translation>
    </message>
    <message>
        <source>{file} is {platform}: question numbers and wording were removed to find the columns, the submission time is the registration time, and the answers to other questions are kept in the notes.</source>
        <translation>{file} 是{platform}：已去掉题号和提示语来识别各列，提交时间作为报名时间，其他题目的回答保留在备注中。</translation>
    </message>
    <message>
        <source>{path} is not a JPEG or PNG photo that can be read: {reason}. Choose a .jpg or .png file.</source>
        <translation>{path} 不是可读取的 JPEG 或 PNG 照片：{reason}。请选择 .jpg 或 .png 文件。</translation>
    </message>
    <message>
        <source>The file {path} does not exist. Check the path.</source>
        <translation>文件 {path} 不存在，请检查路径。</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet: choose an Excel workbook (.xlsx or .xls), an OpenDocument spreadsheet (.ods) or a CSV file (.csv).</source>
        <translation>{path} 不是电子表格：请选择 Excel 工作簿（.xlsx 或 .xls）、OpenDocument 电子表格（.ods）或 CSV 文件（.csv）。</translation>
    </message>
    <message>
        <source>{path} is password-protected: open it in Excel or WPS, remove the password, save it and import it again.</source>
        <translation>{path} 设有密码：请在 Excel 或 WPS 中打开，取消密码并保存后再导入。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a spreadsheet (it may be damaged): open it in Excel or WPS, save it again as .xlsx and import that file.</source>
        <translation>{path} 无法作为电子表格读取（可能已损坏）：请用 Excel 或 WPS 打开，另存为 .xlsx 后导入该文件。</translation>
    </message>
    <message>
        <source>{path} would unpack to {size} MB, more than the {limit} MB a sign-up sheet can need (it may be damaged or built to exhaust the computer): open it in Excel or WPS, copy only the sign-up rows into a new workbook and import that file.</source>
        <translation>{path} 解压后将达 {size} MB，超过报名表所需的 {limit} MB（可能已损坏，或是故意制作来耗尽电脑资源的文件）：请用 Excel 或 WPS 打开，只把报名的行复制到新工作簿后导入该文件。</translation>
    </message>
    <message>
        <source>{path} mixes two text encodings: line {line} is not in the encoding of the lines above it (GBK and UTF-8 pasted together). Open it in Excel or WPS, save it again as CSV (UTF-8) or .xlsx and import that file.</source>
        <translation>{path} 混用了两种文字编码：第 {line} 行与上面各行的编码不同（GBK 和 UTF-8 拼在了一起）。请用 Excel 或 WPS 打开，另存为 CSV（UTF-8）或 .xlsx 后导入该文件。</translation>
    </message>
    <message>
        <source>Line {line} of {path} holds a cell longer than {limit} characters (a quotation mark left open?): correct that line and import the file again.</source>
        <translation>{path} 的第 {line} 行有一个超过 {limit} 个字符的单元格（是否有引号没有闭合？）：请改正该行后重新导入。</translation>
    </message>
    <message>
        <source>{path} is not a text file in UTF-8 or GBK: save it again as CSV (UTF-8) or as .xlsx.</source>
        <translation>{path} 不是 UTF-8 或 GBK 编码的文本文件：请重新另存为 CSV（UTF-8）或 .xlsx。</translation>
    </message>
    <message>
        <source>{path} is empty: there are no rows to import.</source>
        <translation>{path} 是空文件，没有可导入的行。</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {path} has {rows} rows, more than the {limit} a sign-up sheet can have (perhaps formatting reaches the sheet&apos;s last row): copy the rows with people into a new workbook and import that.</source>
        <translation>{path} 的工作表“{sheet}”有 {rows} 行，超过报名表可能有的 {limit} 行（可能是格式一直设置到了最后一行）：请把有人员的行复制到新的工作簿中，再导入新工作簿。</translation>
    </message>
    <message>
        <source>{path} has no sheet named “{sheet}”; its sheets: {sheets}.</source>
        <translation>{path} 中没有名为“{sheet}”的工作表；其工作表有：{sheets}。</translation>
    </message>
    <message>
        <source>No header row with a name column was found in the first {rows} rows of the sheet “{sheet}” of {path} (looked for: {names}). Choose another sheet, or put one of these headers above the names.</source>
        <translation>{path} 的工作表“{sheet}”前 {rows} 行中没有找到含姓名列的表头行（查找的列名：{names}）。请改选其他工作表，或在姓名上方加上其中一个列名。</translation>
    </message>
    <message>
        <source>{path} has a header row (row {row}) but no people below it.</source>
        <translation>{path} 有表头行（第 {row} 行），但其下没有人员数据。</translation>
    </message>
    <message>
        <source>No header row with a name column was found in the first {rows} rows of {path} (looked for: {names}). Put one of these headers above the names and import the file again.</source>
        <translation>在 {path} 的前 {rows} 行中没有找到含姓名列的表头行（查找的列名：{names}）。请在姓名上方加上其中一个列名，然后重新导入。</translation>
    </message>
    <message>
        <source>{path} is not a folder. Choose the folder that holds the package.</source>
        <translation>{path} 不是文件夹。请选择归档包所在的文件夹。</translation>
    </message>
    <message>
        <source>{path} holds no {manifest}: it is not a complete filing package.</source>
        <translation>{path} 中没有 {manifest}：这不是一个完整的归档包。</translation>
    </message>
    <message>
        <source>The {manifest} of {path} cannot be read: {error}.</source>
        <translation>无法读取 {path} 的 {manifest}：{error}。</translation>
    </message>
    <message>
        <source>The package was written but does not read back the same ({count} file(s) differ): the stick may be failing. Write it again to another stick.</source>
        <translation>归档包已写入，但回读校验不一致（{count} 个文件有差异）：U 盘可能有故障。请换一个 U 盘重新生成。</translation>
    </message>
    <message>
        <source>The photo no longer exists; reload the list.</source>
        <translation>该照片已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>The event already has {limit} photos, as many as it can hold. Delete some before adding more.</source>
        <translation>本次活动已有 {limit} 张照片，已达上限。请先删除一些再添加。</translation>
    </message>
    <message>
        <source>Only {arrived} people checked in; the event needed at least {minimum}. Say why in the summary (总结评估) and invite more people next time.</source>
        <translation>实际签到仅 {arrived} 人，活动要求不少于 {minimum} 人。请在总结评估中说明原因，下次扩大邀请范围。</translation>
    </message>
    <message>
        <source>There is no check-in to undo.</source>
        <translation>没有可撤销的签到。</translation>
    </message>
    <message>
        <source>This check-in no longer exists; the list is reloaded.</source>
        <translation>该签到记录已不存在，列表已刷新。</translation>
    </message>
    <message>
        <source>No-shows can only be marked on or after the day of the event ({date}).</source>
        <translation>活动当天（{date}）或之后才能标记未到人员。</translation>
    </message>
    <message>
        <source>To assign</source>
        <translation>待交办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>座谈会</translation>
    </message>
    <message>
        <source>Comment form</source>
        <translation>征求意见表</translation>
    </message>
    <message>
        <source>Survey form</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Published on the website</source>
        <translation>网站公开</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Partly adopted</source>
        <translation>部分采纳</translation>
    </message>
    <message>
        <source>Not adopted for now</source>
        <translation>暂不采纳</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>已解释说明</translation>
    </message>
    <message>
        <source>Type what was suggested (the content) before saving.</source>
        <translation>请先填写意见建议内容再保存。</translation>
    </message>
    <message>
        <source>Choose the department (科室/窗口) that handles it before it can be assigned.</source>
        <translation>请先选择承办科室（窗口），才能交办。</translation>
    </message>
    <message>
        <source>Type the reply, its date and how it was given before marking the suggestion answered.</source>
        <translation>请填写办理答复、答复日期和答复方式后，再标记为已反馈。</translation>
    </message>
    <message>
        <source>Say whether the suggestion was adopted before marking it answered.</source>
        <translation>请选择采纳情况后，再标记为已反馈。</translation>
    </message>
    <message>
        <source>A suggestion not adopted for now needs the reason, which is published with the reply.</source>
        <translation>暂不采纳的意见建议须说明理由，理由随答复一并公开。</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not a suggestion status.</source>
        <translation>“{status}”不是意见建议的办理状态。</translation>
    </message>
    <message>
        <source>{count} suggestion(s) are past their reply deadline without an answer (the earliest: “{topic}”, due {date}). Reply and record it in the Feedback tab.</source>
        <translation>有 {count} 条意见建议已超过答复期限仍未反馈（最早一条：“{topic}”，应于{date}前答复）。请尽快答复，并在“意见”页登记。</translation>
    </message>
    <message>
        <source>{count} suggestion(s) must be answered within {days} days (the first: “{topic}”, due {date}).</source>
        <translation>有 {count} 条意见建议须在 {days} 天内答复（最早一条：“{topic}”，应于{date}前答复）。</translation>
    </message>
    <message>
        <source>Question {number}: &apos;{digit}&apos; is not an answer; type 1 to {count}, or 0 for no answer.</source>
        <translation>第 {number} 题：“{digit}”不是有效选项；请输入 1 至 {count}，未填输入 0。</translation>
    </message>
    <message>
        <source>{typed} answers typed but the form has {count} rating questions.</source>
        <translation>输入了 {typed} 个评价，但测评表只有 {count} 道评价题。</translation>
    </message>
    <message>
        <source>That entry no longer exists (it was deleted). The list is reloaded.</source>
        <translation>该条记录已不存在（已被删除），列表已刷新。</translation>
    </message>
    <message>
        <source>Type the remark before adding the note.</source>
        <translation>请先输入发言内容再添加。</translation>
    </message>
    <message>
        <source>This answer is empty; there is nothing to turn into a suggestion.</source>
        <translation>该回答为空，无法转为意见建议。</translation>
    </message>
    <message>
        <source>The questionnaire has no rating question; add one before entering forms.</source>
        <translation>测评表没有评价题，请先添加评价题再录入。</translation>
    </message>
    <message>
        <source>A rating question needs 2 to 9 options.</source>
        <translation>评价题需要 2 至 9 个选项。</translation>
    </message>
    <message>
        <source>Type the question before saving it.</source>
        <translation>请先输入题目再保存。</translation>
    </message>
    <message>
        <source>The due date ({due}) is before the day it was assigned ({assigned}).</source>
        <translation>办理期限（{due}）早于交办日期（{assigned}）。</translation>
    </message>
    <message>
        <source>Gather</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>参观点</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转场</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>体验</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>On foot</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>By bus</source>
        <translation>乘车</translation>
    </message>
    <message>
        <source>Escalator</source>
        <translation>自动扶梯</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>直梯</translation>
    </message>
    <message>
        <source>The event has no start time, so the programme has no times. Set the start time in the Plan tab, or fix the first item to a clock time.</source>
        <translation>活动没有开始时间，流程无法排出时间。请在“方案”中填写开始时间，或为第一个项目设定固定时间。</translation>
    </message>
    <message>
        <source>The programme ends at {end}, {minutes} minutes after the event&apos;s end time {limit}. Shorten items, or change the end time in the Plan tab.</source>
        <translation>流程于{end}结束，比活动结束时间{limit}晚{minutes}分钟。请缩短项目用时，或在“方案”中修改结束时间。</translation>
    </message>
    <message>
        <source>“{item}” is fixed at {pinned}, but the items before it end at {natural}: {minutes} minutes too late. Shorten them, or move the fixed time.</source>
        <translation>“{item}”固定于{pinned}开始，但前面的项目到{natural}才结束，超时{minutes}分钟。请缩短前面项目的用时，或调整固定时间。</translation>
    </message>
    <message>
        <source>“{first}” ({first_time}) and “{second}” ({second_time}) are both fixed to clock times that overlap. Move one of the fixed times.</source>
        <translation>“{first}”（{first_time}）与“{second}”（{second_time}）的固定时间相互重叠。请调整其中一个的固定时间。</translation>
    </message>
    <message>
        <source>{guide} is the guide at “{first}” ({first_time}) and at “{second}” ({second_time}) at the same time. Give one of them another guide.</source>
        <translation>{guide}同时担任“{first}”（{first_time}）和“{second}”（{second_time}）的讲解人。请为其中一处另行安排讲解人。</translation>
    </message>
    <message>
        <source>The stop “{item}” has no guide (讲解人). Choose a staff member or type a name.</source>
        <translation>参观点“{item}”没有讲解人。请选择工作人员或填写姓名。</translation>
    </message>
    <message>
        <source>“{item}” has no duration. Enter how many minutes it takes.</source>
        <translation>“{item}”没有填写用时。请填写所需分钟数。</translation>
    </message>
    <message>
        <source>The programme has neither a discussion meeting (座谈会) nor a questionnaire (问卷); an Open Day must include one of them. Add a meeting or survey item.</source>
        <translation>流程中既没有座谈会，也没有问卷调查；政府开放日须至少包含其中一项。请添加座谈会或问卷项目。</translation>
    </message>
    <message>
        <source>Groups {first} and {second} are both at “{item}” from {start} to {end}. Change the offset between the groups or the stops&apos; durations.</source>
        <translation>第{first}组和第{second}组在{start}至{end}同时位于“{item}”。请调整各组间隔时间或参观点用时。</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of programme item; choose one of: {kinds}.</source>
        <translation>“{kind}”不是流程项目的类型；请从以下类型中选择：{kinds}。</translation>
    </message>
    <message>
        <source>“{item}”: the duration must be a whole number of minutes from 0 to {most}, not &apos;{value}&apos;.</source>
        <translation>“{item}”：用时须为0至{most}之间的整数分钟，不能是“{value}”。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day; write it as 11:00 (or leave it empty).</source>
        <translation>“{value}”不是有效的时刻；请按11:00的格式填写（或留空）。</translation>
    </message>
    <message>
        <source>A programme item has no field named &apos;{field}&apos;.</source>
        <translation>流程项目没有名为“{field}”的字段。</translation>
    </message>
    <message>
        <source>“{item}” has no actual start yet; record its start before its end.</source>
        <translation>“{item}”尚未记录实际开始时间；请先记录开始，再记录结束。</translation>
    </message>
    <message>
        <source>“{item}” cannot end at {end}, before it started ({start}). Check the times.</source>
        <translation>“{item}”的结束时间{end}早于开始时间{start}。请核对时间。</translation>
    </message>
    <message>
        <source>Groups: the number of groups must be 1 to {most_groups}, the group size 0 (no limit) or more, and the offset 0 to {most_offset} minutes.</source>
        <translation>分组：组数须为1至{most_groups}，每组人数须为0（不限）或以上，间隔时间须为0至{most_offset}分钟。</translation>
    </message>
    <message>
        <source>Nobody on the roster is confirmed yet, so there is no one to put into groups. Confirm the participants in the Roster tab first.</source>
        <translation>名单中还没有已确认的人员，无法分组。请先在“名单”中确认参加人员。</translation>
    </message>
    <message>
        <source>There is no group {group}; the programme has {count} group(s).</source>
        <translation>没有第{group}组；当前共分{count}组。</translation>
    </message>
    <message>
        <source>There is no common stop named &apos;{key}&apos;.</source>
        <translation>没有名为“{key}”的常用参观点。</translation>
    </message>
    <message>
        <source>{path} is not an Open Day Desk bundle, or it is cut short (a copy that did not finish?). Copy the file again from the computer that exported it. Nothing was changed.</source>
        <translation>{path} 不是政府开放日工作台的活动数据包，或文件不完整（是否复制未完成？）。请从导出它的电脑上重新复制该文件。未作任何更改。</translation>
    </message>
    <message>
        <source>Cannot open {path}: wrong passphrase, or the file was damaged or altered (for example cut short when copying). Check the passphrase (capitals count); if it is right, copy the file again from the computer that exported it. Nothing was changed.</source>
        <translation>无法打开 {path}：密码错误，或文件已损坏或被改动（例如复制时中断）。请检查密码（区分大小写）；如果密码无误，请从导出它的电脑上重新复制该文件。未作任何更改。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Open Day Desk ({detail}). Update the app on this computer, then open the bundle again. Nothing was changed.</source>
        <translation>{path} 由更新版本的政府开放日工作台生成（{detail}）。请先升级本机的程序，再打开该数据包。未作任何更改。</translation>
    </message>
    <message>
        <source>{path} opened with the right passphrase but its content is not valid ({detail}). Export the bundle again on the computer it came from. Nothing was changed.</source>
        <translation>{path} 密码正确，但内容无效（{detail}）。请在原电脑上重新导出该数据包。未作任何更改。</translation>
    </message>
    <message>
        <source>The bundle {path} holds the event “{title}”, but a different event of the same name is already in this database (it is not a copy of the one in the bundle). Nothing was changed. Rename one of the two events, or open the bundle in another database.</source>
        <translation>数据包 {path} 中的活动是“{title}”，但本数据库中已有一个同名的其他活动（并非数据包中活动的副本）。未作任何更改。请将其中一个活动改名，或在另一个数据库中打开该数据包。</translation>
    </message>
    <message>
        <source>{path} is older than a bundle from the same computer that was already merged here (exported {merged}; this one {exported}), and everything in it is here already. Nothing was changed: merge the newest bundle from that computer.</source>
        <translation>{path} 比已合并过的、来自同一台电脑的数据包更旧（已合并的导出于 {merged}，此包导出于 {exported}），其中的内容本数据库都已有。未作任何更改：请合并该电脑最新导出的数据包。</translation>
    </message>
    <message>
        <source>Cannot read the bundle {path}: {error}. Check that the USB stick is plugged in and the file is there.</source>
        <translation>无法读取数据包 {path}：{error}。请检查U盘是否已插好、文件是否存在。</translation>
    </message>
    <message>
        <source>Cannot write the bundle {path}: {error}. Choose a folder you can write to (a USB stick may be full or read-only); nothing was left half-written.</source>
        <translation>无法写入数据包 {path}：{error}。请选择可写入的文件夹（U盘可能已满或处于只读状态）；没有留下写了一半的文件。</translation>
    </message>
    <message>
        <source>The bundle {path} was written but does not read back the same: the USB stick may be failing. Export it again to another stick.</source>
        <translation>数据包 {path} 已写入，但读回的内容不一致：U盘可能有故障。请重新导出到另一个U盘。</translation>
    </message>
    <message>
        <source>The passphrase must have at least {count} characters. A longer one (a short sentence) is safer.</source>
        <translation>密码至少需要 {count} 个字符。更长的密码（例如一句短语）更安全。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>两次输入的密码不一致。请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is at least {offset} behind the office&apos;s (the bundle was written later than this computer&apos;s time now). Set the date and time right before checking people in.</source>
        <translation>此电脑的时钟比办公室电脑至少慢 {offset}（数据包的写出时间晚于此电脑现在的时间）。请先把日期和时间调准，再开始签到。</translation>
    </message>
    <message>
        <source>The clock of device {device} was {offset} {direction} this computer&apos;s; its {count} check-ins were placed by this computer&apos;s time.</source>
        <translation>设备 {device} 的时钟比本机{direction} {offset}；它的 {count} 条签到已按本机时间记录。</translation>
    </message>
    <message>
        <source>ahead of</source>
        <translation>快</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} 天</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} 小时</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} 分钟</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {allowed}.</source>
        <translation>“{value}”不是以下值之一：{allowed}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is given to two rows (rows {first} and {second}); it must be unique within the event.</source>
        <translation>“{value}”同时出现在两行（第 {first} 行和第 {second} 行）；在同一活动中必须唯一。</translation>
    </message>
    <message>
        <source>the value is not the list or table of settings the app writes.</source>
        <translation>该值不是本软件写出的设置列表或表格。</translation>
    </message>
    <message>
        <source>the photo has {size}; a photo of the app has at most {limit}.</source>
        <translation>照片大小为 {size}；本软件的照片最大为 {limit}。</translation>
    </message>
    <message>
        <source>the photo is {width} × {height} pixels; the app keeps at most {limit} pixels a side.</source>
        <translation>照片为 {width} × {height} 像素；本软件保存的照片每边最多 {limit} 像素。</translation>
    </message>
    <message>
        <source>the photo is not a JPEG image, which is how the app keeps photos.</source>
        <translation>照片不是 JPEG 图像，而本软件以 JPEG 保存照片。</translation>
    </message>
    <message>
        <source>the text holds a broken character (U+{code}, half of a pair that belongs together) that no document or database can hold; correct the text on the computer that exported the bundle and export it again.</source>
        <translation>文字中有一个残缺的字符（U+{code}，本应成对出现的字符只剩一半），任何文档和数据库都无法保存；请在导出该数据包的电脑上改正这段文字后重新导出。</translation>
    </message>
    <message>
        <source>the event has {count} photos; an event has at most {limit}.</source>
        <translation>该活动有 {count} 张照片；一个活动最多 {limit} 张。</translation>
    </message>
    <message>
        <source>The {what} reports on the day of the event ({date}), which has not come yet: it can be written from that day on. To see how it will look, write it as a draft (marked 草稿).</source>
        <translation>{what}记录的是活动当天（{date}）的情况，而这一天还没有到：从当天起才能写出。如需预览效果，可写成草稿（标注“草稿”）。</translation>
    </message>
    <message>
        <source>The {what} reports on the day of the event, and the event has no date yet: set the date in the Plan tab. To see how it will look, write it as a draft (marked 草稿).</source>
        <translation>{what}记录的是活动当天的情况，而活动还没有确定日期：请在“方案”页设置日期。如需预览效果，可写成草稿（标注“草稿”）。</translation>
    </message>
    <message>
        <source>The {what} is published, and it would lack: {facts}. Fill them in first, or write it as a draft (marked 草稿).</source>
        <translation>{what}需公开发布，目前缺少：{facts}。请先补全，或作为草稿（标注“草稿”）生成。</translation>
    </message>
    <message>
        <source>{path} already exists and was left as it is. Move it away first, or write again and replace it (openday export … --overwrite).</source>
        <translation>{path} 已存在，未作改动。请先将其移走，或重新生成并替换（openday export … --overwrite）。</translation>
    </message>
    <message>
        <source>Offices (进机关)</source>
        <translation>进机关</translation>
    </message>
    <message>
        <source>Sites (进现场)</source>
        <translation>进现场</translation>
    </message>
    <message>
        <source>Meetings (进会议)</source>
        <translation>进会议</translation>
    </message>
    <message>
        <source>an export of Wenjuanxing (问卷星)</source>
        <translation>问卷星导出的文件</translation>
    </message>
    <message>
        <source>an export of Tencent Survey (腾讯问卷)</source>
        <translation>腾讯问卷导出的文件</translation>
    </message>
    <message>
        <source>an export of Wenjuan.com (问卷网)</source>
        <translation>问卷网导出的文件</translation>
    </message>
    <message>
        <source>a survey export with numbered questions</source>
        <translation>带题号的问卷导出文件</translation>
    </message>
    <message>
        <source>{name} was registered as a walk-in on two devices (same ID number or phone): kept as one person with both check-ins.</source>
        <translation>{name} 在两台设备上都作了现场报名（身份证号或电话相同）：已合并为一人，两条签到都保留。</translation>
    </message>
    <message>
        <source>{name} had been deleted from the roster but was admitted at {time} on device {device}: brought back and counted as arrived. Confirm or correct this in the roster.</source>
        <translation>{name} 已从名单中删除，但于 {time} 在设备 {device} 上签到入场：已恢复到名单并计为到场。请在“名单”中确认或更正。</translation>
    </message>
    <message>
        <source>{name} was admitted on {count} devices ({times}): counted once.</source>
        <translation>{name} 在 {count} 台设备上签到（{times}）：只计一次。</translation>
    </message>
    <message>
        <source>The {what} is dated {date}, outside its window ({first} to {last}). Choose its date (成文日期) in the Filing tab or with export --date.</source>
        <translation>{what}的成文日期为{date}，不在规定期限内（{first}至{last}）。请在“归档”页或用 export --date 选定成文日期。</translation>
    </message>
    <message>
        <source>The event ends at {event_end} in the plan, but its programme ends at {agenda_end}: the plan, the announcement and the programme would print two end times. Make them agree (the end time in the Plan tab, or the items in the Route tab).</source>
        <translation>方案中活动结束时间为{event_end}，但活动流程于{agenda_end}结束：实施方案、公告与活动流程将出现两个结束时间。请使二者一致（在“方案”中修改结束时间，或在“路线”中调整流程项目）。</translation>
    </message>
    <message>
        <source>{forms} survey forms are entered but only {arrived} people arrived: likely forms entered twice, or people who took part without being checked in. Check the forms&apos; numbers in the Feedback tab, and the check-ins.</source>
        <translation>已录入满意度测评表{forms}份，但到场仅{arrived}人：可能有测评表重复录入，或有参加人员未签到。请在“意见”中核对测评表编号，并核对签到记录。</translation>
    </message>
    <message>
        <source>not a filing package (no manifest.json)</source>
        <translation>不是归档包（没有 manifest.json）</translation>
    </message>
    <message>
        <source>cannot be read: {detail}</source>
        <translation>无法读取：{detail}</translation>
    </message>
    <message>
        <source>files differ from the manifest ({detail}): changed after it was signed</source>
        <translation>文件与清单不符（{detail}）：签名后被改动过</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>没有签名</translation>
    </message>
    <message>
        <source>the signature does not match the manifest</source>
        <translation>签名与清单不符</translation>
    </message>
    <message>
        <source>signed by key {fingerprint}, but its own 归档目录 prints another fingerprint: re-signed after it was written</source>
        <translation>签名密钥为 {fingerprint}，但包内归档文件目录印的是另一个指纹：生成后被他人重新签名</translation>
    </message>
    <message>
        <source>a draft (written before the event day), not the filed record</source>
        <translation>是草稿（活动日前生成），不是正式归档材料</translation>
    </message>
    <message>
        <source>holds no record.json (written by an older version): ask the unit for a package from the current version</source>
        <translation>没有 record.json（由旧版本生成）：请该单位用当前版本重新生成归档包</translation>
    </message>
    <message>
        <source>its record.json is not well-formed ({detail})</source>
        <translation>其中的 record.json 格式不正确（{detail}）</translation>
    </message>
    <message>
        <source>its record.json names another event than its manifest</source>
        <translation>其中的 record.json 与清单所载的活动不一致</translation>
    </message>
    <message>
        <source>signed by key {fingerprint}, not yet trusted for {unit}: compare it with the fingerprint the unit reported on paper, then trust it</source>
        <translation>签名密钥 {fingerprint} 尚未被确认为{unit}的密钥：请与该单位书面报送的指纹核对后再确认信任</translation>
    </message>
    <message>
        <source>signed by key {fingerprint}, but {unit} signs with {trusted}: refused (ask the unit whether its key changed)</source>
        <translation>签名密钥为 {fingerprint}，但{unit}的密钥是 {trusted}：已拒收（请向该单位核实是否更换了密钥）</translation>
    </message>
    <message>
        <source>older than the package of this event already received ({created})</source>
        <translation>比已收到的同一活动归档包（{created}）更旧</translation>
    </message>
    <message>
        <source>No filing package was found in {path}.</source>
        <translation>在 {path} 中没有找到归档包。</translation>
    </message>
    <message>
        <source>{path} already exists and was not replaced. Choose another folder, or move the old report away first.</source>
        <translation>{path} 已存在，未被替换。请另选文件夹，或先把旧的报告移走。</translation>
    </message>
    <message>
        <source>The package signing key {path} is missing (its fingerprint was {fingerprint}). Restore the file from a backup of the data folder; if it is lost, make a new key in the window (归档 tab, when writing a package) or with &apos;openday keys new&apos;: packages will then carry a new fingerprint, which the office must register again.</source>
        <translation>归档包签名密钥 {path} 不见了（原指纹 {fingerprint}）。请从数据文件夹的备份中恢复该文件；如已丢失，可在窗口中（归档页，写出归档包时）或用 openday keys new 生成新密钥：此后的归档包将带有新的指纹，须重新登记。</translation>
    </message>
    <message>
        <source>The package signing key {path} cannot be read ({error}): the file is damaged or is not a key. Restore it from a backup of the data folder; if it is lost, move the file away and make a new key with &apos;openday keys new&apos;.</source>
        <translation>无法读取归档包签名密钥 {path}（{error}）：文件已损坏或不是密钥。请从数据文件夹的备份中恢复；如已丢失，请将该文件移走，再用 openday keys new 生成新密钥。</translation>
    </message>
    <message>
        <source>This installation already has its signing key {path} (fingerprint {fingerprint}); no new key was made.</source>
        <translation>本机已有签名密钥 {path}（指纹 {fingerprint}），未生成新密钥。</translation>
    </message>
    <message>
        <source>The key list {path} cannot be read ({error}). Restore it from a backup of the data folder, or move it away to start an empty list.</source>
        <translation>无法读取密钥清单 {path}（{error}）。请从数据文件夹的备份中恢复，或将其移走后重新建立清单。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a key fingerprint (32 hexadecimal digits, as the package&apos;s 归档目录 prints it) nor a public key file (.pem).</source>
        <translation>“{value}”既不是密钥指纹（32位十六进制数字，即归档目录所印的指纹），也不是公钥文件（.pem）。</translation>
    </message>
    <message>
        <source>Give the trusted key a name (the unit or installation it belongs to).</source>
        <translation>请为信任的密钥填写名称（所属单位或安装）。</translation>
    </message>
    <message>
        <source>No trusted key has the fingerprint {fingerprint}.</source>
        <translation>已信任的密钥中没有指纹为 {fingerprint} 的密钥。</translation>
    </message>
    <message>
        <source>The device at {url} is not the hub of this pairing code: its certificate does not match the code&apos;s fingerprint. Nothing was sent to it. Check the address, or ask the coordinator for a new code.</source>
        <translation>{url} 上的设备不是该配对码的主机：其证书与配对码中的指纹不符。未向其发送任何数据。请核对地址，或向协调人索取新配对码。</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached ({error}). Check that this device is on the venue&apos;s network and that the hub is switched on (签到 › 现场网络), then try again.</source>
        <translation>无法连接 {url} 上的主机（{error}）。请确认本机已接入现场网络、主机已开启（签到 › 现场网络），然后重试。</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached ({error}): the entries stay queued on this device ({count} check-in actions) and go to the hub at the next exchange. Check that this device is on the venue&apos;s network and that the hub is switched on.</source>
        <translation>无法连接 {url} 上的主机（{error}）：签到记录保留在本机待发送（{count} 条），下次交换时发往主机。请确认本机已接入现场网络、主机已开启。</translation>
    </message>
    <message>
        <source>This device has not joined a venue hub for event {event}. Pair it first: &apos;openday join --db PATH CODE&apos;, or 签到 › 现场网络 in the window.</source>
        <translation>本机尚未为活动 {event} 加入现场网络。请先配对：“openday join --db 路径 配对码”，或在窗口中使用 签到 › 现场网络。</translation>
    </message>
    <message>
        <source>The hub at {url} serves another event than the pairing code names. Ask the coordinator for a new code.</source>
        <translation>{url} 上的主机服务的活动与配对码所指的不同。请向协调人索取新配对码。</translation>
    </message>
    <message>
        <source>The hub refused: {text}</source>
        <translation>主机拒绝：{text}</translation>
    </message>
    <message>
        <source>The hub at {url} sent an answer this device cannot read ({detail}). Update Open Day Desk on both devices to the same version.</source>
        <translation>{url} 上的主机发来的应答本机无法读取（{detail}）。请将两台设备的政府开放日工作台更新到同一版本。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {offset} {direction} the hub&apos;s: its check-ins are placed by the hub&apos;s time. Set the date and time right when you can.</source>
        <translation>本机时钟比主机{direction}{offset}：本机的签到按主机时间记录。请尽快校正日期和时间。</translation>
    </message>
    <message>
        <source>The hub did not understand the request ({detail}). Update Open Day Desk on this device to the hub&apos;s version.</source>
        <translation>主机无法理解该请求（{detail}）。请将本机的政府开放日工作台更新到与主机相同的版本。</translation>
    </message>
    <message>
        <source>The request was larger than the hub accepts ({detail}).</source>
        <translation>请求超出主机接受的大小（{detail}）。</translation>
    </message>
    <message>
        <source>The request did not say its size.</source>
        <translation>请求未说明其大小。</translation>
    </message>
    <message>
        <source>Too many requests from this device; wait a moment.</source>
        <translation>本机请求过于频繁，请稍候。</translation>
    </message>
    <message>
        <source>The hub is busy or stopping; try again in a moment.</source>
        <translation>主机正忙或正在关闭，请稍后重试。</translation>
    </message>
    <message>
        <source>The hub has no such service ({detail}).</source>
        <translation>主机没有该服务（{detail}）。</translation>
    </message>
    <message>
        <source>The hub does not know this pairing code (it may belong to another event or another hub). Ask for a new code.</source>
        <translation>主机不认识该配对码（可能属于其他活动或其他主机）。请索取新配对码。</translation>
    </message>
    <message>
        <source>This pairing code was used already; each code pairs one device once. Ask for a new code on the hub.</source>
        <translation>该配对码已被使用；每个配对码只能为一台设备配对一次。请在主机上生成新配对码。</translation>
    </message>
    <message>
        <source>This pairing code has expired (codes are valid for ten minutes). Ask for a new code on the hub.</source>
        <translation>该配对码已过期（配对码 10 分钟内有效）。请在主机上生成新配对码。</translation>
    </message>
    <message>
        <source>The hub does not know this device: pair it again with a new code from the hub.</source>
        <translation>主机不认识本设备：请用主机上的新配对码重新配对。</translation>
    </message>
    <message>
        <source>The hub&apos;s coordinator removed this device from the venue network. Ask for a new pairing code if it should take part.</source>
        <translation>主机的协调人已将本设备移出现场网络。如需继续参与，请索取新配对码。</translation>
    </message>
    <message>
        <source>The hub refused the check-ins sent: {detail}</source>
        <translation>主机拒收发送的签到记录：{detail}</translation>
    </message>
    <message>
        <source>The hub met an unexpected error; its log file says more.</source>
        <translation>主机发生意外错误，详情见其日志文件。</translation>
    </message>
    <message>
        <source>The clock of device {name} is {offset} {direction} the hub&apos;s; its check-ins are placed by the hub&apos;s time.</source>
        <translation>设备“{name}”的时钟比主机{direction}{offset}；其签到按主机时间记录。</translation>
    </message>
    <message>
        <source>The check-in log from {origin} holds an entry the app cannot accept (entry {number}, field “{field}”): nothing of it was taken. Make the exchange again from the newest version of the app.</source>
        <translation>来自 {origin} 的签到记录中有本软件无法接受的条目（第 {number} 条，字段“{field}”）：其中任何内容均未采用。请用最新版本的软件重新交换。</translation>
    </message>
    <message>
        <source>This is not a valid pairing code ({detail}). Type it again from the hub&apos;s screen (签到 › 现场网络), or scan its QR code.</source>
        <translation>这不是有效的配对码（{detail}）。请按主机屏幕（签到 › 现场网络）重新输入，或扫描其二维码。</translation>
    </message>
    <message>
        <source>The venue network cannot listen on {address}:{port} ({error}). Choose another port, or close the program that uses it.</source>
        <translation>现场网络无法在 {address}:{port} 上监听（{error}）。请换一个端口，或关闭占用该端口的程序。</translation>
    </message>
</context>
</TS>
