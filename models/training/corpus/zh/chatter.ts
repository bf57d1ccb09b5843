// 不是指令的闲聊, composed from parts so the model meets thousands of different sentences rather than a short list:
// greetings, questions about the world, remarks about a film or the day, plans between occupants. Every one must yield
// no intent. Nothing here may be a wish the catalog serves (好冷, 太热, 闷, 腰酸) or a request naming a cabin feature.
import { drawSlots } from '../template.js';
import { fill, name, type Ctx } from './common.js';
import { sight } from './sights.js';

const GREETING = ['你好', '您好', '嗨', '早上好', '下午好', '晚上好', '早啊', '哈喽', '在吗', '喂', '早安', '晚安', '小助手你好'];
const SOCIAL = ['你好吗', '最近怎么样', '今天过得怎么样', '你在干嘛', '吃了吗', '你累不累', '你是谁', '你是机器人吗', '你能听见我说话吗', '你还在吗',
  '很高兴认识你', '好久不见', '再见', '拜拜', '回头见', '你几岁了', '你喜欢什么', '你有名字吗', '你开心吗', '你睡了吗'];

const WHEN = ['今天', '明天', '周末', '下午', '晚上', '后天', '这周', '下周一', '待会儿', '明天早上'];
const WORLD = ['{when}天气怎么样', '{when}会下雨吗', '{when}有没有雪', '{when}空气质量好吗', '{when}限号吗', '{when}有什么新闻', '{when}是星期几',
  '{when}几点日落', '{when}股市怎么样', '{when}的比赛谁赢了', '外面{out}', '{city}离这儿多远', '{city}有什么好吃的', '{city}现在几点',
  '{city}天气怎么样', '{thing}是什么意思', '{thing}怎么写', '{thing}用英语怎么说', '帮我查一下{thing}', '你知道{thing}吗', '给我讲讲{thing}'];
const OUT = ['多少度', '冷吗', '热不热', '下雨了吗', '风大不大', '有雾吗', '空气好吗', '是晴天吗'];
const CITY = ['北京', '上海', '广州', '深圳', '杭州', '成都', '西安', '南京', '武汉', '重庆', '东京', '纽约'];
const THING = ['量子计算', '黑洞', '人工智能', '这首诗', '这个成语', '熊猫', '长城', '相对论', '区块链', '光合作用', '马拉松', '二十四节气'];

const REMARK = ['这{m}{work}{adj}', '刚才那{m}{work}{adj}', '昨天那{m}{work}{adj}', '我觉得那{m}{work}{adj}', '你不觉得这{m}{work}{adj}吗'];
const WORK: [string, string][] = [['部', '电影'], ['场', '比赛'], ['首', '歌'], ['本', '书'], ['集', '电视剧'], ['场', '演唱会'], ['个', '节目'],
  ['个', '故事'], ['家', '餐厅'], ['个', '笑话'], ['次', '旅行'], ['个', '会议']];
const ADJ = ['真好看', '太无聊了', '挺有意思的', '一般般', '太长了', '特别感人', '真搞笑', '有点奇怪', '太棒了', '没什么意思', '还不错', '挺吓人的'];
const WHO = ['我妈', '老王', '你哥', '我同事', '小李', '老师', '邻居', '我朋友', '姐姐', '我老板'];
// Half the people talked about are named as requests address people (common.ts name()): a name is no sign of talk.
const who = (ctx: Ctx) => (ctx.chance(0.5) ? ctx.pick(WHO) : name(ctx));
const TALK = ['{who}说{what}', '{who}告诉我{what}', '听说{what}', '你知道吗，{what}', '没想到{what}', '原来{what}', '{who}觉得{what}'];
const WHAT = ['那家店今天关门', '演唱会票卖完了', '桥在修路', '他们要搬去深圳', '比赛打到加时了', '航班又延误了', '新开的咖啡馆很好喝', '下周开学',
  '孩子会走路了', '会议取消了', '油价又涨了', '明天可能下雪', '他考试通过了', '她换工作了', '博物馆周日免费'];
const PLAN = ['我们{when}去{act}吧', '{when}要不要去{act}', '别忘了{when}去{act}', '{when}记得{act}', '咱们{when}{act}怎么样', '我想{when}去{act}',
  '{when}是不是要{act}'];
const ACT = ['吃火锅', '看电影', '接孩子', '逛超市', '加油', '洗车', '爬山', '看奶奶', '买菜', '取快递', '理发', '遛狗', '喝咖啡', '吃烤鸭',
  '看展览', '打球', '还书', '交电费'];
const ASIDE = ['哇', '天哪', '真的假的', '哈哈', '我知道', '你看那边', '小心点那个骑车的', '哎呀', '不好意思',
  '太搞笑了', '是吗', '有意思', '我在听呢', '别闹了'];

// 说到车里能控制的东西（冷、灯、座椅、颜色）但说的是别处、别的时候或东西本身："昨天海边好冷"、"我把眼镜忘在家里了"。
const ELSEWHERE = ['{when2}{where}好{adj}啊', '{when2}{where}真的太{adj}了', '{who}说{where}特别{adj}', '{where}的{device}{when2}坏了',
  '我把{item}忘在{place}了', '你帮我从{place}带{item}了吗', '{who}给{place}买了个新{device}', '还记得{where}有多{adj}吗', '{place}的{device}太吵了',
  '我的{item}是{colour}的', '{who}把厨房刷成了{colour}', '{when2}的天空好{colour}', '我想买个{colour}的{item}', '{who}的新车座椅是{colour}的',
  '{place}的{device}老是不好使', '{when2}{where}把{device}关了'];
const ELSE_SLOTS = {
  adj: ['冷', '热', '闷', '暗', '亮', '晒', '潮', '冻人'],
  where: ['海边', '办公室', '电影院', '奶奶家', '酒店', '火车上', '学校', '山上', '餐厅里', '健身房', '机场', '博物馆',
    '图书馆', '超市里', '动物园', '游泳馆', '地铁里', '医院', '公园里', '婚礼上', '演唱会上', '车站', '飞机上', '商场里'],
  when2: ['昨天', '昨晚', '今天早上', '上周', '去年冬天', '周日', '那天', '上次'],
  device: ['暖气', '空调', '风扇', '灯', '台灯', '按摩椅', '咖啡机', '窗户', '电热毯', '加湿器'],
  item: ['眼镜', '杯子', '手机', '外套', '围巾', '钥匙', '充电器', '毯子', '墨镜', '钱包', '雨伞', '水壶'],
  place: ['家里', '公司', '酒店', '健身房', '我妈那儿', '餐厅', '学校', '办公室'],
  colour: ['蓝色', '红色', '绿色', '紫色', '粉色', '白色', '橙色', '黄色'],
};

/** 说别处、别的时候或东西的一句话，用的是车里的词（冷、灯、蓝色）。 */
export function elsewhere(ctx: Ctx): string {
  const frame = ctx.phrase(ELSEWHERE);
  const slots = drawSlots(ctx, ELSE_SLOTS);
  return fill(frame, { ...slots, who: who(ctx) });
}

function remark(ctx: Ctx): string {
  const [m, work] = ctx.pick(WORK);
  return fill(ctx.phrase(REMARK), { m, work, adj: ctx.phrase(ADJ) });
}

const mark = (ctx: Ctx, question: boolean) => (question ? ctx.pick(['', '？', '?', '啊']) : ctx.pick(['', '', '。', '！', '啊']));

/** A sentence of talk that is no request; its own kind each time (greeting, question, remark, plan). */
export function chatter(ctx: Ctx): string {
  const t = talk(ctx);
  // Talk said to someone by name is still talk (小周，你看那边), as a request after a name is the request.
  return ctx.chance(0.1) ? `${name(ctx)}${ctx.pick(['，', '，', '啊，'])}${t}` : t;
}

function talk(ctx: Ctx): string {
  if (ctx.sights()) {
    const t = sight(ctx);
    return t + mark(ctx, /吗$/.test(t));
  }
  const r = ctx.random();
  if (r < 0.22) {
    const t = ctx.chance(0.4) ? ctx.phrase(GREETING) : ctx.chance(0.7) ? ctx.phrase(SOCIAL) : `${ctx.phrase(GREETING)}，${ctx.phrase(SOCIAL)}`;
    return t + mark(ctx, /[吗呢]$/.test(t));
  }
  if (r < 0.5) return fill(ctx.phrase(WORLD), { when: ctx.pick(WHEN), out: ctx.pick(OUT), city: ctx.pick(CITY), thing: ctx.phrase(THING) }) + mark(ctx, true);
  if (r < 0.8) {
    if (r >= 0.72) {
      const t = elsewhere(ctx);
      return t + mark(ctx, /吗$/.test(t));
    }
    const k = ctx.random();
    const t = k < 0.4 ? remark(ctx) : k < 0.8 ? fill(ctx.phrase(TALK), { who: who(ctx), what: ctx.phrase(WHAT) }) : ctx.phrase(ASIDE);
    return t + mark(ctx, false);
  }
  const t = fill(ctx.phrase(PLAN), { when: ctx.pick(WHEN), act: ctx.phrase(ACT) });
  return t + mark(ctx, /(要不要|怎么样|是不是)/.test(t));
}
