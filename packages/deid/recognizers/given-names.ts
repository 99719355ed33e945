/**
 * Name parts common enough to recognise a name without any cue word.
 * Chinese: characters frequent in given names (two of them after a surname make a three-character name such
 * as 王建国 or 李秀英); characters frequent in clinical text (安, 平, 生, 心, 全 …) are left out on purpose.
 * English: common first names (US Social Security Administration popular-name lists), followed by a
 * capitalised word ("Mary Johnson reports …").
 */
export const ZH_GIVEN_CHARS =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞刚桂华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲珍贞莉娣璐娅琦晶妍茜秋珊莎锦黛倩婷婉娴瑾颖露瑶怡婵雁蓓荷丹蓉眉君琴蕊薇菁梦岚婕馨琰韵艺咏卿聪澜纯毓悦昭冰爽琬茗羽欣飘滢馥筠霭凝晓欢霄枫芸菲寒伊亚宜舒影荔妮宝贝恒鸿桦骅剑娇睿烁雯萱彦宇雨忠宗曼紫逸贤翠俊峰毅辉永健志义兴良海山仁波贵福龙胜祥武彬富顺杰昌康星达岩茂林坚彪博诚敬震振壮群豪邦承绍功松善厚庆民友裕河哲江浩亮政谦翰朗伯宏鸣朋斌梁栋维启伦翔旭鹏泽晨辰建家致树德泰盛雄琛钧冠策腾楠榕航弘淑荣慧芝国桐梓萱涵琪轩宸诺彤依怡嘉佳浩然远';

export const EN_FIRST_NAMES = new Set(
  (
    'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark ' +
    'Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary ' +
    'Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond ' +
    'Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian ' +
    'Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel ' +
    'Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Tyrone ' +
    'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley ' +
    'Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen ' +
    'Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet ' +
    'Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith ' +
    'Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail ' +
    'Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany ' +
    'Charlotte Marie Kayla Alexis Lori Rosa Agnes Wei Li Ming Hui Jun Mei Yan Ying Xin Priya Raj Ahmed Mohammed Fatima ' +
    // Older cohorts (SSA popular names of the 1920s–1960s birth years): the patients of a hypertension clinic.
    'Marjorie Mildred Gladys Edna Ethel Irene Lillian Florence Hazel Bernice Lois Norma Phyllis Geraldine Wanda Loretta ' +
    'Harriet Eleanor Beatrice Vera Pearl Myrtle Thelma Mabel Gertrude Josephine Marian Rita Peggy Connie Sylvia Clara ' +
    'Desmond Harold Walter Clarence Earl Howard Herbert Leonard Stanley Norman Melvin Chester Lloyd Vernon Leroy Marvin ' +
    'Elmer Herman Floyd Wallace Gordon Cecil Bernard Francis Warren Glenn Lionel Rudolph Milton Irving Morris Sidney'
  ).split(' '),
);
