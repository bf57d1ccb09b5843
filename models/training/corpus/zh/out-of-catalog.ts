// Requests the assistant cannot serve (windows, media, navigation, phone, …) → no intent. Many sit close to
// catalog words on purpose (方向盘加热, 屏幕亮度, 大灯, 后视镜加热, 音量调大) so the model learns the boundary.
import type { Template } from '../template.js';
import { out, polite, zh } from './common.js';
import { chatter } from './chatter.js';
import { zhInt } from './numbers.js';

const WINDOWS = ['开窗', '打开车窗', '关窗', '把车窗关上', '副驾车窗降下来', '后排窗户开一点', '车窗升上去', '打开天窗', '关闭天窗', '天窗开一半', '遮阳帘打开', '把窗户摇下来', '所有车窗都关上', '开一下窗透透气'];
const MEDIA = ['放音乐', '放首歌', '播放周杰伦的歌', '下一首', '上一首', '暂停音乐', '音量调大', '声音小一点', '打开收音机', '换个电台', '来点轻音乐', '静音', '播放我收藏的歌', '音量调到二十', '声音大一点', '放一集相声'];
const NAV = ['导航回家', '导航去公司', '去最近的加油站', '附近有没有充电桩', '导航到机场', '还有多远', '避开拥堵', '回家的路堵不堵', '找个停车场', '路线换一条', '导航去最近的星巴克', '取消导航'];
const PHONE = ['打电话给妈妈', '给老王打个电话', '挂断电话', '接电话', '发个微信给老婆', '读一下新消息', '回拨刚才的电话', '拨打幺三八零零'];
const INFO = ['今天天气怎么样', '明天会下雨吗', '讲个笑话', '现在几点', '今天几号', '你叫什么名字', '你会干什么', '今天限行吗', '外面多少度', '股票怎么样了', '给我讲个故事', '背一首诗'];
const CAR = ['打开后备箱', '关上后备箱', '开雨刷', '雨刷快一点', '锁车门', '打开车门', '打开充电口', '胎压多少', '还有多少油', '续航还有多少', '打开大灯', '开远光灯', '打开雾灯', '关闭近光灯', '后视镜折叠', '打开后视镜加热', '方向盘加热打开', '方向盘加热关掉', '屏幕亮度调高', '屏幕暗一点', '仪表盘亮度调低', '打开行车记录仪', '开启自适应巡航', '打开双闪', '开启运动模式', '打开座椅记忆', '打开360影像', '打开香氛', '香氛浓度调高', '打开空气净化', '打开儿童锁', '启动发动机'];
const CHAT = ['你好', '谢谢', '你真棒', '今天心情不错', '我们去哪吃饭', '这车开得真舒服', '哈哈哈', '你听得懂吗', '帮我记一下明天开会', '设个闹钟明早七点'];

const COMMANDS = [WINDOWS, MEDIA, NAV, CAR];

export const outOfCatalogTemplates: Template[] = [
  zh('none.windows', (ctx) => out(polite(ctx, ctx.phrase(WINDOWS), 0.35)), 1.2),
  zh('none.media', (ctx) => out(polite(ctx, ctx.phrase(MEDIA), 0.35)), 1.2),
  zh('none.nav', (ctx) => out(polite(ctx, ctx.phrase(NAV), 0.3))),
  zh('none.phone', (ctx) => out(polite(ctx, ctx.phrase(PHONE), 0.3)), 0.7),
  zh('none.info', (ctx) => out(ctx.phrase(INFO) + ctx.pick(['', '？', '?', '啊'])), 0.8),
  // Near misses of catalog features: 方向盘加热, 大灯, 屏幕亮度, 后视镜加热.
  zh('none.car', (ctx) => out(polite(ctx, ctx.phrase(CAR), 0.35)), 1.5),
  // Mostly composed talk (chatter.ts): thousands of sentences rather than one list, in the template that already carries chat.
  zh('none.chat', (ctx) => out(ctx.chance(0.2) ? ctx.phrase(CHAT) : chatter(ctx)), 3.5),
  // Volume with a number, so "调到N" alone does not mean a catalog value.
  zh('none.volume_number', (ctx) => {
    const n = ctx.int(1, 10) * ctx.pick([1, 5, 10]);
    const t = ctx.phrase(['音量调到{n}', '把声音调到{n}', '音量设成{n}', '媒体音量{n}', '导航音量调到{n}']);
    return out(t.replace('{n}', ctx.chance(0.5) ? String(n) : zhInt(n)));
  }, 0.5),
  zh('none.mixed', (ctx) => out(ctx.phrase(ctx.pick(COMMANDS)) + ctx.pick(['吧', '好吗', '，快点', '，谢谢'])), 0.6),
];
